------------------------------- MODULE MCM10 -------------------------------
(* M10 (a ready mark nobody clears: after a wrap the adapter reads the previous lap's descriptor) breaks NoDuplicate: a ring of 2 in 2 rows, 4 positions, reservations of 1. *)
EXTENDS SlotRing
=============================================================================
