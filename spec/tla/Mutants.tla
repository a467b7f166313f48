------------------------------- MODULE Mutants ------------------------------
(***************************************************************************)
(* The designs of DESIGN.md section 2 that look right and are wrong.  Each *)
(* is a switch in the one specification, never a copy of it:              *)
(*   M1  next: take a ticket, then append at the tail of queue t mod k     *)
(*       (no reservation in ticket order)                                  *)
(*   M2  the adapter skips a cursor queue whose head is not yet written    *)
(*   M3  indicator NEXT on every packet, arrays included                   *)
(*   M4  hash on a key that varies within a flow                           *)
(*   M5  no queue lock: the tail is read, then claimed, in two steps       *)
(*   M6  a sender that fails after reserving publishes nothing             *)
(*   M7  the strict scheduler scans groups lowest first                    *)
(*   M9  wrr: a visit serves the mirrored group's weight (weights swapped)  *)
(*   M10 a row's ready mark is a flag nobody clears: after a wrap the       *)
(*       adapter takes the previous lap's descriptor for this lap's        *)
(*       (a switch of SlotRing, the array under Ring's sequence; TxOrder   *)
(*       keeps no rows, so there it changes nothing)                       *)
(*   M11 a sender failing between ticket and reservation does nothing      *)
(***************************************************************************)
CONSTANT Mutant

MutantIds == {"none", "M1", "M2", "M3", "M4", "M5", "M6", "M7", "M9", "M10", "M11"}

ASSUME MutantKnown == Mutant \in MutantIds
=============================================================================
