---------------------------- MODULE MCM10Refines ----------------------------
(* M10 is not a sequence ring: the refinement check alone (no wire invariant) rejects its first stale read. Bounds of MCM10. *)
EXTENDS SlotRing
=============================================================================
