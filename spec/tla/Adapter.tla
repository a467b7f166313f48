------------------------------ MODULE Adapter -------------------------------
(***************************************************************************)
(* The network adapter draining the rings ([0042], [0048], [0051]).        *)
(*                                                                         *)
(* Within a group:                                                         *)
(*   next  the adapter keeps a cursor queue; it transmits the cursor's     *)
(*         head and stays (CURRENT) or moves to the next queue (NEXT).     *)
(*         A reserved but unwritten descriptor at the cursor makes it      *)
(*         WAIT: skipping it (M2) breaks the order.                        *)
(*   hash  round robin, one descriptor per visit, over the queues whose    *)
(*         head is ready, starting at queue 0; cursor[g] is where the      *)
(*         next visit starts.                                              *)
(* Between groups:                                                         *)
(*   strict  the highest group with a descriptor to send goes first (M7:   *)
(*           the lowest).                                                  *)
(*   wrr     group g gets Weight[g] descriptors per round while it has     *)
(*           one to send, highest group first within a round; a round ends *)
(*           when no group that can send has credit left.                  *)
(* One Transmit step is one descriptor read by the adapter; a no-op        *)
(* descriptor is consumed like a packet but puts nothing on the wire.      *)
(* The wire is recorded per group (wire[g], see TxState): the order across *)
(* groups is what StrictPriority and WeightedShare judge, on sent/share.   *)
(***************************************************************************)
EXTENDS Assignment, TxState, Integers, Sequences

CONSTANTS
    Scheduler,   \* "strict" or "wrr"
    Weight       \* [Groups -> Nat \ {0}]: packets per round under wrr


NoQueue == -1

\* The queue the adapter takes group g's next descriptor from, or NoQueue.
ServeQueue(g) ==
    IF Policy = "next"
    THEN IF HeadReady(g, cursor[g]) THEN cursor[g] ELSE NoQueue
    ELSE LET k     == QueueCount[g]
             ready == {q \in Queues(g) : HeadReady(g, q)}
             dist(q) == (q - cursor[g] + k) % k
         IN  IF ready = {} THEN NoQueue
             ELSE CHOOSE q \in ready : \A p \in ready : dist(q) <= dist(p)

\* Group g has a descriptor the adapter may send now ("backlogged").
Eligible(g) == ServeQueue(g) # NoQueue

\* The credit of the current wrr round, or of a fresh one when no group that
\* can send has credit left.
RoundCredit ==
    IF \E g \in Groups : Eligible(g) /\ credit[g] > 0 THEN credit ELSE Weight

\* The scheduler picks group g.
Scheduled(g) ==
    /\ Eligible(g)
    /\ IF Scheduler = "strict"
       THEN IF Mutant = "M7" THEN \A h \in Groups : h < g => ~Eligible(h)
                             ELSE \A h \in Groups : h > g => ~Eligible(h)
       ELSE /\ RoundCredit[g] > 0
            /\ \A h \in Groups : h > g => ~(Eligible(h) /\ RoundCredit[h] > 0)

\* The adapter puts the descriptor at the scheduled group's cursor (next) or
\* round-robin (hash) queue on the wire and advances per its indicator.
Transmit ==
    \E g \in Groups :
        /\ Scheduled(g)
        /\ LET q == ServeQueue(g)
               d == Head(queues[g][q])
           IN  /\ queues' = [queues EXCEPT ![g][q] = Tail(@)]
               /\ sent'   = [sent EXCEPT ![g][q] = @ + 1]
               /\ wire'   = IF d.noop THEN wire ELSE [wire EXCEPT ![g] = Append(@, <<d.req, d.pkt>>)]
               /\ cursor' = [cursor EXCEPT ![g] =
                               IF Policy = "next" /\ d.ind = "CURRENT" THEN q
                                                                       ELSE (q + 1) % QueueCount[g]]
        /\ credit' = IF Scheduler = "wrr" THEN [RoundCredit EXCEPT ![g] = @ - 1] ELSE credit
        /\ share'  = IF Scheduler # "wrr" THEN share
                     ELSE IF \A h \in Groups : Eligible(h) THEN [share EXCEPT ![g] = @ + 1]
                     ELSE [h \in Groups |-> 0]
        /\ UNCHANGED senderVars

\* M2 only: the adapter moves past a cursor queue whose head is reserved but not written.
SkipUnwritten ==
    /\ Mutant = "M2"
    /\ \E g \in Groups :
         /\ queues[g][cursor[g]] # <<>>
         /\ ~Head(queues[g][cursor[g]]).ready
         /\ cursor' = [cursor EXCEPT ![g] = (@ + 1) % QueueCount[g]]
    /\ UNCHANGED <<queues, sent, credit, wire, share, senderVars>>

AdapterInit ==
    /\ cursor = [g \in Groups |-> 0]
    /\ credit = Weight
    /\ wire   = [g \in Groups |-> <<>>]
    /\ share  = [g \in Groups |-> 0]

\* Every step the adapter takes.
Drain == Transmit \/ SkipUnwritten

ASSUME AdapterWellFormed ==
    /\ Scheduler \in {"strict", "wrr"}
    /\ DOMAIN Weight = Groups /\ \A g \in Groups : Weight[g] \in Nat \ {0}
=============================================================================
