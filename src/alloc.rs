//! The module's memory allocator: free lists of power-of-two blocks, carved
//! from memory the module grows. About a tenth of the code of the default
//! allocator (dlmalloc, 9 KB of the module), which this one replaces.
//!
//! A block of class `k` holds `2^k` bytes (16 bytes to 2 GiB) and goes back
//! to its class's free list when freed, to serve the next request of that
//! class; blocks are never split or merged, and what is left of a region when
//! a new one is grown stays unused. So memory is traded for code: a block is
//! up to twice its request, and blocks freed in one class do not serve
//! another (a list grown by doubling leaves about its final size behind in
//! smaller classes, for the next such list). What a call pattern needs, it
//! keeps and reuses; a WebAssembly memory cannot shrink anyway. The module is
//! single-threaded: no locking.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr;

/// Smallest class: 16 bytes (room for the free list's link, and the largest
/// alignment Rust asks for on wasm32 in practice).
const MIN_CLASS: u32 = 4;
/// Blocks are aligned to their size up to this (a page of memory).
const MAX_ALIGN: usize = 4096;
/// Memory is grown by at least this many 64 KiB pages at a time (1 MiB).
const GROW_PAGES: usize = 16;
const PAGE: usize = 65536;

struct State {
    /// Head of each class's free list (0: empty); a free block's first word
    /// holds the next one.
    free: [usize; 32],
    /// The unused part of the last grown region.
    next: usize,
    end: usize,
}

/// The allocator (see the module's documentation).
pub struct Blocks(UnsafeCell<State>);

// SAFETY: WebAssembly modules built for wasm32-unknown-unknown without
// atomics run on one thread; nothing here is shared across threads.
unsafe impl Sync for Blocks {}

impl Blocks {
    /// An allocator with no memory yet.
    pub const fn new() -> Self {
        Blocks(UnsafeCell::new(State {
            free: [0; 32],
            next: 0,
            end: 0,
        }))
    }
}

impl Default for Blocks {
    fn default() -> Self {
        Self::new()
    }
}

/// The class of a layout: the smallest `k` with `2^k >= size and align`.
fn class(layout: Layout) -> Option<u32> {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let k = usize::BITS - (size - 1).leading_zeros();
    (k < 32 && layout.align() <= MAX_ALIGN).then_some(k)
}

/// More memory from the host: `pages` 64 KiB pages, or `None`.
fn grow(pages: usize) -> Option<usize> {
    #[cfg(target_arch = "wasm32")]
    {
        let old = core::arch::wasm32::memory_grow(0, pages);
        if old == usize::MAX {
            return None;
        }
        old.checked_mul(PAGE)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = pages;
        None
    }
}

unsafe impl GlobalAlloc for Blocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(k) = class(layout) else {
            return ptr::null_mut();
        };
        // SAFETY: single-threaded (see `Sync`), and no reference to the state
        // outlives this call.
        let state = unsafe { &mut *self.0.get() };
        let Some(slot) = state.free.get_mut(k as usize) else {
            return ptr::null_mut();
        };
        if *slot != 0 {
            let block = *slot;
            // SAFETY: a free block of this class, whose first word is its link.
            *slot = unsafe { *(block as *const usize) };
            return block as *mut u8;
        }
        let size = 1usize << k;
        let align = size.min(MAX_ALIGN);
        // Checked sums: on wasm32 a usize is 32 bits, and a request of a
        // gigabyte must fail, not wrap around.
        let aligned = |at: usize| at.checked_add(align - 1).map(|v| v & !(align - 1));
        let fits = |start: usize, end: usize| start.checked_add(size).is_some_and(|e| e <= end);
        let start = match aligned(state.next) {
            Some(start) if state.end != 0 && fits(start, state.end) => start,
            _ => {
                // A new region (what is left of the old one stays unused).
                let Some(pages) = size
                    .checked_add(align)
                    .map(|bytes| (bytes / PAGE + 1).max(GROW_PAGES))
                else {
                    return ptr::null_mut();
                };
                let Some((base, end)) = grow(pages)
                    .and_then(|base| Some((base, base.checked_add(pages.checked_mul(PAGE)?)?)))
                else {
                    return ptr::null_mut();
                };
                match aligned(base) {
                    Some(start) if fits(start, end) => {
                        state.end = end;
                        start
                    }
                    _ => return ptr::null_mut(),
                }
            }
        };
        state.next = start + size;
        start as *mut u8
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(k) = class(layout) else { return };
        // SAFETY: as in `alloc`; the block was made for this class and is
        // the caller's to give back, so its first word is free for the link.
        let state = unsafe { &mut *self.0.get() };
        let Some(slot) = state.free.get_mut(k as usize) else {
            return;
        };
        unsafe { *(block as *mut usize) = *slot };
        *slot = block as usize;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's layout, with a size GlobalAlloc says is valid.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new).is_some() && class(new) == class(layout) {
            return block; // the block has room already
        }
        // SAFETY: as GlobalAlloc::realloc's default, for a new class.
        unsafe {
            let moved = self.alloc(new);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_the_next_power_of_two_of_size_and_align() {
        let of = |size, align| class(Layout::from_size_align(size, align).unwrap());
        assert_eq!(of(1, 1), Some(4));
        assert_eq!(of(16, 8), Some(4));
        assert_eq!(of(17, 1), Some(5));
        assert_eq!(of(8, 64), Some(6));
        assert_eq!(of(4 << 20, 1), Some(22));
        assert_eq!(of(5 << 20, 1), Some(23));
        assert_eq!(of(1, 8192), None);
    }
}
