---------------------------- MODULE MCHashHistories ---------------------------
(* Lemma, hash: Histories(n) is exactly the histories of n requests that BTypeOK /\ HistoryOK allow, for n <= 2 by brute force, and every history of 3 it builds is allowed; the requests of MCHashStep (one group of 2 queues, flows a and b). *)
EXTENDS HashInductive, TLC

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0 @@ "b" :> 1)
MCFlowPriority == ("a" :> 0 @@ "b" :> 0)
MCWork         == << {[flow |-> "a", size |-> n] : n \in 1 .. 2},
                     {[flow |-> f, size |-> 1] : f \in {"a", "b"}},
                     {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1)

ASSUME HistoriesLemma == \A n \in 0 .. 2 : HistoriesExact(n)
ASSUME HistoriesSoundAtThree == HistoriesSound(3)

\* The lemma is all this model checks: no state is explored past the initial one.
OnlyInit == reqs = <<>>
=============================================================================
