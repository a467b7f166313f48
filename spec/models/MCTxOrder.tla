----------------------------- MODULE MCTxOrder ------------------------------
(***************************************************************************)
(* What every model adds for TLC, and nothing else: symmetry of the CPUs   *)
(* and a view that forgets which CPU sent a request (cur already says      *)
(* which CPU is sending which request, and no property asks who sent a     *)
(* request that has returned).                                             *)
(***************************************************************************)
EXTENDS TxOrderProperties, TLC

\* A request of n packets of flow f, and the requests of flow f of any size in sizes.
Req(f, n) == [flow |-> f, size |-> n]
AnySize(f, sizes) == {Req(f, n) : n \in sizes}

CpuSymmetry == Permutations(CPUs)

View == <<queues, sent, [r \in DOMAIN reqs |-> [reqs[r] EXCEPT !.cpu = NoCpu]],
          pc, cur, at, ticket, turn, lock, faults, cursor, credit, wire, share>>
=============================================================================
