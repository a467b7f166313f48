---------------------------- MODULE MCWrrBacklogWitness ----------------------------
(* Witness (must fail): MCWrrBacklog reaches a state after two full wrr rounds (low 1, high 2, twice) with both groups still backlogged, so its WeightedShare is checked over a third backlogged round. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 1 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {Req("a", 2)}, {Req("c", 3)}, {Req("a", 2)}, {Req("a", 2)} >>
MCWeight       == (0 :> 1 @@ 1 :> 2)

\* Must be violated: two rounds served (2 low, 4 high packets), the low group's visit last, both
\* groups still able to send, so a third round follows with both backlogged.
NoThirdBackloggedRound ==
    ~(Len(wire[0]) = 2 /\ Len(wire[1]) = 4 /\ visit = 0 /\ Eligible(0) /\ Eligible(1))
=============================================================================
