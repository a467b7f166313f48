-------------------------------- MODULE MCM1 --------------------------------
(* M1 (append at the tail of queue t mod k, no ticket order) breaks GroupOrder: 2 CPUs, one group of 2 queues, 3 single-packet requests. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {Req("a", 1)}, {Req("a", 1)}, {Req("a", 1)} >>
MCWeight       == (0 :> 1)
=============================================================================
