----------------------------- MODULE MCM5Refines ----------------------------
(* M5 (no queue lock: two writers can claim one slot) loses a packet of a request whose sender did not fail (must fail ChannelNoLoss): 2 CPUs, one group of 1 queue, one flow, 2 single-packet requests, rings of 2, no fault. *)
EXTENDS HashRefinement, TLC

MCQueueCount   == (0 :> 1)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {[flow |-> "a", size |-> 1]}, {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1)
=============================================================================
