------------------------------ MODULE TxOrder -------------------------------
(***************************************************************************)
(* Ordered multi-queue transmit (US 2003/0058878 A1): CPUs send requests   *)
(* into the queues of their priority's group at the same time (Sender),    *)
(* and the adapter drains the groups in order (Adapter).                   *)
(***************************************************************************)
EXTENDS Sender, Adapter

Init ==
    /\ queues = [g \in Groups |-> [q \in Queues(g) |-> <<>>]]
    /\ sent   = [g \in Groups |-> [q \in Queues(g) |-> 0]]
    /\ SenderInit
    /\ AdapterInit

Next ==
    \/ \E c \in CPUs : Assign(c)
    \/ \E c \in CPUs : ReadTail(c)
    \/ \E c \in CPUs : Reserve(c)
    \/ \E c \in CPUs : Write(c)
    \/ \E c \in CPUs : Fail(c)
    \/ \E c \in CPUs : FailAssigned(c)
    \/ Drain

\* Weak fairness of the adapter and of every sender; faults are never forced.
Spec ==
    /\ Init /\ [][Next]_vars
    /\ WF_vars(Drain)
    /\ \A c \in CPUs : WF_vars(Send(c))

\* Every request has been sent and every ring drained.
Terminated ==
    /\ Len(reqs) = MaxRequests
    /\ \A c \in CPUs : pc[c] = "idle"
    /\ \A g \in Groups : \A q \in Queues(g) : queues[g][q] = <<>>
=============================================================================
