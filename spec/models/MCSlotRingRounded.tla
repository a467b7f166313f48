------------------------- MODULE MCSlotRingRounded -------------------------
(* A capacity that is not a power of two, as TxRing rounds it: a ring of 3 in 4 rows, 12 positions (three laps), reservations of 1 to 3. *)
EXTENDS SlotRing
=============================================================================
