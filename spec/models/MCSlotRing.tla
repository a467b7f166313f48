---------------------------- MODULE MCSlotRing ----------------------------
(* The array ring implements the sequence ring across wrap-around: a ring of 2 in 2 rows, 8 positions (four laps), reservations of 1 or 2. *)
EXTENDS SlotRing
=============================================================================
