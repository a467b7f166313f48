---------------------------- MODULE MCM4Affinity ----------------------------
(* M4 (hash on a key that varies within a flow) breaks FlowAffinity (one flow, two queues) before anything is sent: 2 CPUs, one group of 2 queues, 2 single-packet requests of one flow. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {Req("a", 1)}, {Req("a", 1)} >>
MCWeight       == (0 :> 1)
=============================================================================
