---------------------------- MODULE MCM1Refines ---------------------------
(* M1 does not refine OrderedChannel (must fail): 2 CPUs, one group of 2 queues, 3 single-packet requests, rings of 2, no fault. *)
EXTENDS NextRefinement, TLC

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {[flow |-> "a", size |-> 1]}, {[flow |-> "a", size |-> 1]}, {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1)
=============================================================================
