----------------------------- MODULE MCTxOrder ------------------------------
(***************************************************************************)
(* What every model adds for TLC, and nothing else: how a request is      *)
(* written down, and the symmetry of the CPUs (they are interchangeable:   *)
(* no CPU identity appears in the workload or in a property).  There is    *)
(* no VIEW: combined with SYMMETRY, TLC's distinct-state count would then  *)
(* depend on the order its workers meet states, and CI compares it.       *)
(***************************************************************************)
EXTENDS TxOrderProperties, TLC

\* A request of n packets of flow f, and the requests of flow f of any size in sizes.
Req(f, n) == [flow |-> f, size |-> n]
AnySize(f, sizes) == {Req(f, n) : n \in sizes}

CpuSymmetry == Permutations(CPUs)

=============================================================================
