#ifndef ADOPTKIT_CMARK_ARENA_H
#define ADOPTKIT_CMARK_ARENA_H

/* A per-thread arena for cmark's parse: a parse makes and frees thousands of small blocks
 * (nodes, buffers, lists), and the whole tree is copied into Swift values and dropped right
 * after, so allocating is a bump of a pointer, freeing does nothing, and the arena is reset
 * once the tree is copied (`adoptkit_arena_reset`). Past 32 MiB in one parse, blocks come from
 * malloc and are freed as usual. cmark-gfm supports such an allocator (its
 * own arena is process-wide, so not for parsing on several threads at once). */

struct cmark_mem;

/* The allocator to parse with on this thread (a `cmark_mem`). */
struct cmark_mem *adoptkit_arena_allocator(void);

/* Whether a block of this thread's parse came from malloc (past the arena's cap, or in the fuzz
 * build): then the tree must be freed with `cmark_node_free` before the reset. */
int adoptkit_arena_used_heap(void);

/* Frees every chunk of this thread's parse (blocks from malloc are freed as cmark frees them);
 * a few chunks are kept for the next parse. */
void adoptkit_arena_reset(void);

#endif
