----------------------------- MODULE MCM4Refines ----------------------------
(* M4 (hash on a key that varies within a flow) does not refine OrderedChannel per flow (must fail): 2 CPUs, one group of 2 queues, one flow, 3 single-packet requests, rings of 2, no fault. *)
EXTENDS HashRefinement, TLC

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {[flow |-> "a", size |-> 1]}, {[flow |-> "a", size |-> 1]}, {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1)
=============================================================================
