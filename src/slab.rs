//! Values kept under `(index, generation)` handles, the one bookkeeping behind the awaited
//! promises (`settle`) and the running calls (`run`): both hand a handle to JS-driven code
//! (a bound promise handler, a waker) that may come back after its value is gone. Removing a
//! value bumps its slot's generation, so an old handle never finds a later value stored in
//! the same slot. Kept in a thread-local, a slab is a registry (`registry.rs`).
//!
//! The `slab` crate was weighed: it has no generations (a stale key finds the next value
//! stored in its slot, which is what this type exists to prevent), so it would need this
//! wrapper anyway.

/// A slab of `T` with generation-checked slots.
#[derive(Debug)]
pub struct Slab<T> {
    /// `(generation, value)`; `None` while the slot is free.
    slots: Vec<(u32, Option<T>)>,
    free: Vec<u32>,
}

impl<T> Default for Slab<T> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            free: Vec::new(),
        }
    }
}

impl<T> Slab<T> {
    /// Stores the value `make` builds from its handle `(index, generation)`; returns the handle.
    pub fn insert_with(&mut self, make: impl FnOnce(u32, u32) -> T) -> (u32, u32) {
        let index = match self.free.pop() {
            Some(index) => index,
            None => {
                self.slots.push((0, None));
                u32::try_from(self.slots.len() - 1).unwrap_or(u32::MAX)
            }
        };
        let generation = match self.slots.get_mut(index as usize) {
            Some(slot) => {
                slot.1 = Some(make(index, slot.0));
                slot.0
            }
            None => 0,
        };
        (index, generation)
    }

    /// The value in slot `index` with the slot's current generation, if the slot holds one.
    pub fn get_mut(&mut self, index: u32) -> Option<(u32, &mut T)> {
        match self.slots.get_mut(index as usize) {
            Some((generation, Some(value))) => Some((*generation, value)),
            _ => None,
        }
    }

    /// Takes the value out of slot `index` and frees the slot under a new generation.
    pub fn remove(&mut self, index: u32) -> Option<T> {
        let slot = self.slots.get_mut(index as usize)?;
        let value = slot.1.take()?;
        slot.0 = slot.0.wrapping_add(1);
        self.free.push(index);
        Some(value)
    }

    /// How many values are stored.
    pub fn len(&self) -> usize {
        self.values().count()
    }

    /// The stored values, in slot order.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.slots.iter().filter_map(|s| s.1.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::Slab;

    #[test]
    fn a_freed_slot_is_reused_under_a_new_generation() {
        let mut slab = Slab::default();
        let (a, gen_a) = slab.insert_with(|i, g| (i, g, "a"));
        assert_eq!(
            slab.get_mut(a).map(|(g, v)| (g, *v)),
            Some((gen_a, (a, gen_a, "a")))
        );
        assert_eq!(slab.remove(a), Some((a, gen_a, "a")));
        assert_eq!(slab.remove(a), None, "removing twice frees the slot once");
        assert!(slab.get_mut(a).is_none());
        let (b, gen_b) = slab.insert_with(|_, _| (0, 0, "b"));
        assert_eq!(b, a, "the slot is reused");
        assert_ne!(gen_b, gen_a, "under a new generation");
        let (c, _) = slab.insert_with(|_, _| (0, 0, "c"));
        assert_ne!(c, b, "a slot in use is not handed out");
        assert_eq!(slab.len(), 2);
    }
}
