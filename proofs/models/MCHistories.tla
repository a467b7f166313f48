---------------------------- MODULE MCHistories -----------------------------
(* Lemma: Histories(n) is exactly the histories of n requests that BTypeOK /\ HistoryOK allow, for n <= 2 by brute force, and every history of 3 it builds is allowed; the requests of MCNextStep (one group of 2 queues, 1-2 packets each). *)
EXTENDS NextInductive, TLC

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {[flow |-> "a", size |-> n] : n \in 1 .. 2},
                     {[flow |-> "a", size |-> n] : n \in 1 .. 2},
                     {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1)

ASSUME HistoriesLemma == \A n \in 0 .. 2 : HistoriesExact(n)
ASSUME HistoriesSoundAtThree == HistoriesSound(3)

\* The lemma is all this model checks: no state is explored past the initial one.
OnlyInit == reqs = <<>>
=============================================================================
