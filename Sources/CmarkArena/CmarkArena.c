#include "CmarkArena.h"
#include <cmark-gfm.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct adoptkit_chunk {
    struct adoptkit_chunk *next;
    size_t capacity, used;
    max_align_t data[];
} adoptkit_chunk;

typedef struct adoptkit_arena {
    adoptkit_chunk *chunks;   /* in use, the newest first */
    adoptkit_chunk *spare;    /* kept for the next parse on this thread */
    size_t spareCount;
} adoptkit_arena;

static _Thread_local adoptkit_arena adoptkit_thread_arena;

enum {
    ADOPTKIT_CHUNK_BYTES = 256 * 1024,
    ADOPTKIT_SPARE_CHUNKS = 4,
    /* Each block starts with its size, for realloc; keeps the block 16-byte aligned. */
    ADOPTKIT_HEADER = 16
};

static size_t adoptkit_rounded(size_t size) { return (size + 15) & ~(size_t)15; }

#ifdef ADOPTKIT_ARENA_SEPARATE_BLOCKS
/* The fuzz build: each block is a malloc of its own, listed and freed at the reset, so
 * AddressSanitizer still sees every block's bounds (within a chunk it sees none). */
static void *adoptkit_arena_alloc(size_t size) {
    if (size > ((size_t)-1) / 2) return NULL;
    adoptkit_chunk *chunk = (adoptkit_chunk *)malloc(sizeof(adoptkit_chunk) + ADOPTKIT_HEADER + size);
    if (!chunk) return NULL;
    chunk->capacity = chunk->used = size;
    chunk->next = adoptkit_thread_arena.chunks;
    adoptkit_thread_arena.chunks = chunk;
    unsigned char *block = (unsigned char *)chunk->data;
    *(size_t *)block = size;
    return block + ADOPTKIT_HEADER;
}

static void *adoptkit_arena_realloc(void *old, size_t size) {
    if (!old) return adoptkit_arena_alloc(size);
    size_t oldSize = *(size_t *)((unsigned char *)old - ADOPTKIT_HEADER);
    void *block = adoptkit_arena_alloc(size);
    if (block) memcpy(block, old, oldSize < size ? oldSize : size);
    return block;
}
#else

static void *adoptkit_arena_alloc(size_t size) {
    adoptkit_arena *arena = &adoptkit_thread_arena;
    if (size > ((size_t)-1) / 2) return NULL;
    size_t need = adoptkit_rounded(size) + ADOPTKIT_HEADER;
    adoptkit_chunk *chunk = arena->chunks;
    if (!chunk || chunk->capacity - chunk->used < need) {
        if (need > ADOPTKIT_CHUNK_BYTES / 4) {
            /* A large block gets a chunk of its own, behind the current one. */
            chunk = (adoptkit_chunk *)malloc(sizeof(adoptkit_chunk) + need);
            if (!chunk) return NULL;
            chunk->capacity = need;
            chunk->used = 0;
            if (arena->chunks) {
                chunk->next = arena->chunks->next;
                arena->chunks->next = chunk;
            } else {
                chunk->next = NULL;
                arena->chunks = chunk;
            }
        } else {
            if (arena->spare) {
                chunk = arena->spare;
                arena->spare = chunk->next;
                arena->spareCount -= 1;
            } else {
                chunk = (adoptkit_chunk *)malloc(sizeof(adoptkit_chunk) + ADOPTKIT_CHUNK_BYTES);
                if (!chunk) return NULL;
                chunk->capacity = ADOPTKIT_CHUNK_BYTES;
            }
            chunk->used = 0;
            chunk->next = arena->chunks;
            arena->chunks = chunk;
        }
    }
    unsigned char *block = (unsigned char *)chunk->data + chunk->used;
    chunk->used += need;
    *(size_t *)block = size;
    return block + ADOPTKIT_HEADER;
}

static void *adoptkit_arena_realloc(void *old, size_t size) {
    if (!old) return adoptkit_arena_alloc(size);
    size_t oldSize = *(size_t *)((unsigned char *)old - ADOPTKIT_HEADER);
    adoptkit_chunk *chunk = adoptkit_thread_arena.chunks;
    /* The newest block of the current chunk grows in place (a buffer being appended to). */
    size_t oldRounded = adoptkit_rounded(oldSize);
    if (chunk && (unsigned char *)old + oldRounded == (unsigned char *)chunk->data + chunk->used && size <= ((size_t)-1) / 2) {
        size_t newRounded = adoptkit_rounded(size);
        if (newRounded <= oldRounded || chunk->capacity - chunk->used >= newRounded - oldRounded) {
            chunk->used = chunk->used - oldRounded + newRounded;
            *(size_t *)((unsigned char *)old - ADOPTKIT_HEADER) = size;
            return old;
        }
    }
    if (size <= oldSize) {
        *(size_t *)((unsigned char *)old - ADOPTKIT_HEADER) = size;
        return old;
    }
    void *block = adoptkit_arena_alloc(size);
    if (block) memcpy(block, old, oldSize);
    return block;
}
#endif

static void *adoptkit_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > ((size_t)-1) / size) return NULL;
    void *block = adoptkit_arena_alloc(count * size);
    if (block) memset(block, 0, count * size);
    return block;
}

static void adoptkit_arena_free(void *block) { (void)block; }

static cmark_mem adoptkit_arena_mem = { adoptkit_arena_calloc, adoptkit_arena_realloc, adoptkit_arena_free };

struct cmark_mem *adoptkit_arena_allocator(void) { return &adoptkit_arena_mem; }

void adoptkit_arena_reset(void) {
    adoptkit_arena *arena = &adoptkit_thread_arena;
    adoptkit_chunk *chunk = arena->chunks;
    while (chunk) {
        adoptkit_chunk *next = chunk->next;
#ifdef ADOPTKIT_ARENA_SEPARATE_BLOCKS
        int keep = 0;
#else
        int keep = chunk->capacity == ADOPTKIT_CHUNK_BYTES && arena->spareCount < ADOPTKIT_SPARE_CHUNKS;
#endif
        if (keep) {
            chunk->next = arena->spare;
            arena->spare = chunk;
            arena->spareCount += 1;
        } else {
            free(chunk);
        }
        chunk = next;
    }
    arena->chunks = NULL;
}
