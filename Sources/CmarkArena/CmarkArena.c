#include "CmarkArena.h"
#include <cmark-gfm.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct adoptkit_chunk {
    struct adoptkit_chunk *next;
    size_t capacity, used;
    alignas(16) unsigned char data[];
} adoptkit_chunk;

typedef struct adoptkit_arena {
    adoptkit_chunk *chunks;   /* in use, the newest first */
    adoptkit_chunk *spare;    /* kept for the next parse on this thread */
    size_t spareCount;
    size_t bytes;             /* in chunks of this parse */
    int usedHeap;             /* a block of this parse came from malloc */
} adoptkit_arena;

static _Thread_local adoptkit_arena adoptkit_thread_arena;

/* Each block starts with a header: its size (for realloc) and where it came from. */
typedef struct adoptkit_header {
    size_t size;
    size_t fromHeap;
} adoptkit_header;

enum {
    ADOPTKIT_CHUNK_BYTES = 256 * 1024,
    ADOPTKIT_SPARE_CHUNKS = 4,
    ADOPTKIT_HEADER = 16
};

/* A parse whose blocks pass this many bytes gets the rest from malloc, and cmark frees them as
 * usual: a hostile page (a paragraph the table extension scans again at every line, in this
 * libcmark-gfm) must not keep every dropped block until its parse ends. */
static const size_t adoptkit_arena_cap = 32 * 1024 * 1024;

_Static_assert(sizeof(adoptkit_header) == ADOPTKIT_HEADER, "the header keeps blocks 16-byte aligned");

static size_t adoptkit_rounded(size_t size) { return (size + 15) & ~(size_t)15; }

static adoptkit_header *adoptkit_header_of(void *block) { return (adoptkit_header *)((unsigned char *)block - ADOPTKIT_HEADER); }

/* As cmark's own allocator does: cmark does not check for NULL. */
static void *adoptkit_checked(void *block) {
    if (!block) {
        fprintf(stderr, "[cmark] out of memory, aborting\n");
        abort();
    }
    return block;
}

static void *adoptkit_heap_alloc(size_t size) {
    if (size > ((size_t)-1) / 2) adoptkit_checked(NULL);
    adoptkit_header *header = (adoptkit_header *)adoptkit_checked(malloc(ADOPTKIT_HEADER + size));
    header->size = size;
    header->fromHeap = 1;
    adoptkit_thread_arena.usedHeap = 1;
    return (unsigned char *)header + ADOPTKIT_HEADER;
}

static void *adoptkit_arena_alloc(size_t size) {
#ifdef ADOPTKIT_ARENA_SEPARATE_BLOCKS
    /* The fuzz build: every block is a malloc of its own, freed when cmark frees it, so
     * AddressSanitizer sees each block's bounds and its use after free. */
    return adoptkit_heap_alloc(size);
#else
    adoptkit_arena *arena = &adoptkit_thread_arena;
    if (size > ((size_t)-1) / 2) adoptkit_checked(NULL);
    size_t need = adoptkit_rounded(size) + ADOPTKIT_HEADER;
    adoptkit_chunk *chunk = arena->chunks;
    if (!chunk || chunk->capacity - chunk->used < need) {
        size_t capacity = need > ADOPTKIT_CHUNK_BYTES / 4 ? need : ADOPTKIT_CHUNK_BYTES;
        if (arena->bytes + capacity > adoptkit_arena_cap) return adoptkit_heap_alloc(size);
        if (need > ADOPTKIT_CHUNK_BYTES / 4) {
            /* A large block gets a chunk of its own, behind the current one. */
            chunk = (adoptkit_chunk *)adoptkit_checked(malloc(sizeof(adoptkit_chunk) + need));
            chunk->capacity = need;
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
                chunk = (adoptkit_chunk *)adoptkit_checked(malloc(sizeof(adoptkit_chunk) + ADOPTKIT_CHUNK_BYTES));
                chunk->capacity = ADOPTKIT_CHUNK_BYTES;
            }
            chunk->next = arena->chunks;
            arena->chunks = chunk;
        }
        chunk->used = 0;
        arena->bytes += chunk->capacity;
    }
    adoptkit_header *header = (adoptkit_header *)(chunk->data + chunk->used);
    chunk->used += need;
    header->size = size;
    header->fromHeap = 0;
    return (unsigned char *)header + ADOPTKIT_HEADER;
#endif
}

static void *adoptkit_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > ((size_t)-1) / size) adoptkit_checked(NULL);
    void *block = adoptkit_arena_alloc(count * size);
    memset(block, 0, count * size);
    return block;
}

static void *adoptkit_arena_realloc(void *old, size_t size) {
    if (!old) return adoptkit_arena_alloc(size);
    adoptkit_header *header = adoptkit_header_of(old);
    size_t oldSize = header->size;
    if (header->fromHeap) {
        if (size > ((size_t)-1) / 2) adoptkit_checked(NULL);
        header = (adoptkit_header *)adoptkit_checked(realloc(header, ADOPTKIT_HEADER + size));
        header->size = size;
        return (unsigned char *)header + ADOPTKIT_HEADER;
    }
    /* The newest block of the current chunk grows in place (a buffer being appended to). */
    adoptkit_chunk *chunk = adoptkit_thread_arena.chunks;
    size_t oldRounded = adoptkit_rounded(oldSize);
    if (chunk && (unsigned char *)old + oldRounded == chunk->data + chunk->used && size <= ((size_t)-1) / 2) {
        size_t newRounded = adoptkit_rounded(size);
        if (newRounded <= oldRounded || chunk->capacity - chunk->used >= newRounded - oldRounded) {
            chunk->used = chunk->used - oldRounded + newRounded;
            header->size = size;
            return old;
        }
    }
    if (size <= oldSize) {
        header->size = size;
        return old;
    }
    void *block = adoptkit_arena_alloc(size);
    memcpy(block, old, oldSize);
    return block;
}

/* Blocks in a chunk are freed with the chunk, at the reset. */
static void adoptkit_arena_free(void *block) {
    if (block && adoptkit_header_of(block)->fromHeap) free(adoptkit_header_of(block));
}

static cmark_mem adoptkit_arena_mem = { adoptkit_arena_calloc, adoptkit_arena_realloc, adoptkit_arena_free };

struct cmark_mem *adoptkit_arena_allocator(void) { return &adoptkit_arena_mem; }

int adoptkit_arena_used_heap(void) { return adoptkit_thread_arena.usedHeap; }

void adoptkit_arena_reset(void) {
    adoptkit_arena *arena = &adoptkit_thread_arena;
    adoptkit_chunk *chunk = arena->chunks;
    while (chunk) {
        adoptkit_chunk *next = chunk->next;
        if (chunk->capacity == ADOPTKIT_CHUNK_BYTES && arena->spareCount < ADOPTKIT_SPARE_CHUNKS) {
            chunk->next = arena->spare;
            arena->spare = chunk;
            arena->spareCount += 1;
        } else {
            free(chunk);
        }
        chunk = next;
    }
    arena->chunks = NULL;
    arena->bytes = 0;
    arena->usedHeap = 0;
}
