----------------------------- MODULE MCTxOrder ------------------------------
(***************************************************************************)
(* What every model adds for TLC, and nothing else: how a request is      *)
(* written down, the symmetry of the CPUs (they are interchangeable: no    *)
(* CPU identity appears in the workload or in a property), and the one     *)
(* VIEW a model may use.                                                   *)
(***************************************************************************)
EXTENDS TxOrderProperties, TLC

\* A request of n packets of flow f, and the requests of flow f of any size in sizes.
Req(f, n) == [flow |-> f, size |-> n]
AnySize(f, sizes) == {Req(f, n) : n \in sizes}

CpuSymmetry == Permutations(CPUs)

(***************************************************************************)
(* Every variable, with the before set of every request left out. Only     *)
(* FlowOrder reads the before sets; no action does (Assign writes a new    *)
(* request's set from cur and the flows, never from another set). So two   *)
(* states that differ only in their before sets have the same successors   *)
(* up to their before sets, and the same verdict for every property but    *)
(* FlowOrder: a model that checks FlowOrder through                        *)
(* TicketsFollowAssignment /\ GroupOrder /\ RequestContiguity /\           *)
(* NoDuplicate (next only, see TxOrderProperties) and not by itself may    *)
(* use this VIEW and lose nothing. The before sets record when each        *)
(* request returned relative to the others, and that history multiplies    *)
(* the states (13 times for the first 6 requests of MCNextStrictFull, 14   *)
(* times for 7).                                                           *)
(*                                                                         *)
(* With SYMMETRY, TLC picks the permutation of the CPUs that makes the     *)
(* whole state smallest and then takes this VIEW of it; reqs holds no CPU, *)
(* so the permutation never depends on the before sets, and two states     *)
(* with one view get one fingerprint: the distinct-state count does not    *)
(* depend on the order in which TLC's workers meet states (a VIEW that hid *)
(* a CPU's variables would make it depend on that order: 12,262 vs 12,203  *)
(* in two runs, measured once).                                            *)
(***************************************************************************)
WithoutBefore ==
    <<queues, sent, [r \in 1 .. Len(reqs) |-> [reqs[r] EXCEPT !.before = {}]],
      pc, cur, at, ticket, turn, lock, faults, cursor, visit, credit, wire, share>>

=============================================================================
