------------------------------ MODULE MCM5Lost ------------------------------
(* M5 (no queue lock: tail read, then claimed) loses a written packet (NoLoss): 2 CPUs, one group of 1 queue, 2 single-packet requests. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 1)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {Req("a", 1)}, {Req("a", 1)} >>
MCWeight       == (0 :> 1)
=============================================================================
