------------------------------ MODULE Adapter -------------------------------
(***************************************************************************)
(* The network adapter draining the rings ([0042], [0048], [0051]).        *)
(*                                                                         *)
(* Within a group:                                                         *)
(*   next  the adapter keeps a cursor queue; it transmits the cursor's     *)
(*         head and stays (CURRENT) or moves to the next queue (NEXT).     *)
(*         A reserved but unwritten descriptor at the cursor makes it      *)
(*         WAIT: skipping it (M2) breaks the order.                        *)
(*   hash  round robin, one packet per visit, over the queues whose head   *)
(*         is a ready packet, starting at queue 0; cursor[g] is where the  *)
(*         next visit starts.                                              *)
(* Between groups:                                                         *)
(*   strict  the highest group with a packet to send goes first (M7: the   *)
(*           lowest).                                                      *)
(*   wrr     the adapter visits the groups from the highest down, round    *)
(*           and round; a visit serves its group up to Weight[g] packets   *)
(*           while the group has one to send, then passes to the nearest   *)
(*           group below it (cyclically) that has one.                     *)
(* One Transmit step is one packet read by the adapter and put on the      *)
(* wire.  A no-op descriptor (a failed sender's) takes no link time: the   *)
(* adapter passes it in a PassNoop step, which no scheduler accounts for,  *)
(* following its indicator in a next group.                                *)
(* The wire is recorded per group (wire[g], see TxState): the order across *)
(* groups is what StrictPriority and WeightedShare judge.                  *)
(***************************************************************************)
EXTENDS Assignment, TxState, Integers, Sequences

CONSTANTS
    Scheduler,   \* "strict" or "wrr"
    Weight       \* [Groups -> Nat \ {0}]: packets per visit under wrr


NoQueue == -1

\* The head of ring (g, q) is a ready packet, or a ready no-op.
PacketAt(g, q) == HeadReady(g, q) /\ ~Head(queues[g][q]).noop
NoopAt(g, q)   == HeadReady(g, q) /\ Head(queues[g][q]).noop

\* The queue the adapter takes group g's next packet from, or NoQueue.
ServeQueue(g) ==
    IF Policy = "next"
    THEN IF PacketAt(g, cursor[g]) THEN cursor[g] ELSE NoQueue
    ELSE LET k     == QueueCount[g]
             ready == {q \in Queues(g) : PacketAt(g, q)}
             dist(q) == (q - cursor[g] + k) % k
         IN  IF ready = {} THEN NoQueue
             ELSE CHOOSE q \in ready : \A p \in ready : dist(q) <= dist(p)

\* Group g has a packet the adapter may send now ("backlogged").
Eligible(g) == ServeQueue(g) # NoQueue

\* The queues of group g where the adapter passes a no-op: the cursor queue of
\* a next group, any queue of a hash group (M2 looks at every queue).
NoopQueues(g) == IF Policy = "hash" \/ Mutant = "M2" THEN Queues(g) ELSE {cursor[g]}

\* Nothing for the adapter to do: no packet to send, no no-op to pass.
NothingToSend == \A g \in Groups : ~Eligible(g) /\ \A q \in NoopQueues(g) : ~NoopAt(g, q)

(* ------------------------------- wrr ------------------------------------ *)

MinGroup == CHOOSE g \in Groups : \A h \in Groups : g <= h
MaxGroup == CHOOSE g \in Groups : \A h \in Groups : h <= g

\* How far below group v group h comes in the cycle of visits v - 1, v - 2,
\* ..., MinGroup, MaxGroup, ..., v: 1 for the next group down, the most for v.
Below(v, h) == IF h < v THEN v - h ELSE v - h + MaxGroup + 1

\* The packets a visit of group g may serve: its weight.  M9 reads the weight
\* of the group mirrored across the range (for two groups: the weights swapped).
VisitWeight(g) == IF Mutant = "M9" THEN Weight[MaxGroup + MinGroup - g] ELSE Weight[g]

\* The visit goes on while its group can send and has credit left ...
VisitGoesOn == Eligible(visit) /\ credit > 0
\* ... otherwise it passes to the nearest group below, cyclically, that can send.
NextVisit == CHOOSE h \in Groups : Eligible(h) /\ \A o \in Groups : Eligible(o) => Below(visit, h) <= Below(visit, o)

\* The scheduler picks group g.
Scheduled(g) ==
    /\ Eligible(g)
    /\ IF Scheduler = "strict"
       THEN IF Mutant = "M7" THEN \A h \in Groups : h < g => ~Eligible(h)
                             ELSE \A h \in Groups : h > g => ~Eligible(h)
       ELSE g = IF VisitGoesOn THEN visit ELSE NextVisit

\* The adapter puts the packet at group g's cursor (next) or round-robin
\* (hash) queue on the wire and moves the cursor per its indicator.
TransmitFrom(g) ==
    /\ Scheduled(g)
    /\ LET q == ServeQueue(g)
           d == Head(queues[g][q])
       IN  /\ queues' = [queues EXCEPT ![g][q] = Tail(@)]
           /\ sent'   = [sent EXCEPT ![g][q] = @ + 1]
           /\ wire'   = [wire EXCEPT ![g] = Append(@, <<d.req, d.pkt>>)]
           /\ cursor' = [cursor EXCEPT ![g] =
                           IF Policy = "next" /\ d.ind = "CURRENT" THEN q ELSE (q + 1) % QueueCount[g]]
    /\ IF Scheduler = "wrr"
       THEN IF VisitGoesOn
            THEN /\ credit' = credit - 1
                 /\ share'  = [share EXCEPT ![g] = @ + 1]
                 /\ UNCHANGED visit
            ELSE /\ visit'  = g
                 /\ credit' = VisitWeight(g) - 1
                 /\ share'  = [h \in Groups |-> IF h = g THEN 1 ELSE 0]
       ELSE UNCHANGED <<visit, credit, share>>
    /\ UNCHANGED senderVars

Transmit == \E g \in Groups : TransmitFrom(g)

\* The adapter passes the no-op at the head of queue q of group g: nothing goes
\* on the wire and no scheduler counts it; in a next group the cursor follows
\* its indicator (M2 passes no-ops in any queue and leaves the cursor alone).
PassNoop(g, q) ==
    /\ q \in NoopQueues(g)
    /\ NoopAt(g, q)
    /\ queues' = [queues EXCEPT ![g][q] = Tail(@)]
    /\ sent'   = [sent EXCEPT ![g][q] = @ + 1]
    /\ cursor' = IF Policy = "next" /\ Mutant # "M2"
                 THEN [cursor EXCEPT ![g] = IF Head(queues[g][q]).ind = "CURRENT" THEN q
                                                                            ELSE (q + 1) % QueueCount[g]]
                 ELSE cursor
    /\ UNCHANGED <<wire, visit, credit, share, senderVars>>

\* M2 only: the adapter moves past a cursor queue whose head is not a ready packet.
SkipUnwritten(g) ==
    /\ Mutant = "M2"
    /\ ~PacketAt(g, cursor[g])
    /\ cursor' = [cursor EXCEPT ![g] = (@ + 1) % QueueCount[g]]
    /\ UNCHANGED <<queues, sent, visit, credit, wire, share, senderVars>>

AdapterInit ==
    /\ cursor = [g \in Groups |-> 0]
    /\ visit  = MinGroup      \* as if the lowest group's visit had just ended:
    /\ credit = 0             \* the first visit is the highest group's
    /\ wire   = [g \in Groups |-> <<>>]
    /\ share  = [g \in Groups |-> 0]

\* Every step the adapter takes.
Drain ==
    \/ Transmit
    \/ \E g \in Groups : \E q \in Queues(g) : PassNoop(g, q)
    \/ \E g \in Groups : SkipUnwritten(g)

ASSUME AdapterWellFormed ==
    /\ Scheduler \in {"strict", "wrr"}
    /\ DOMAIN Weight = Groups /\ \A g \in Groups : Weight[g] \in Nat \ {0}
=============================================================================
