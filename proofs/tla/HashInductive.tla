---------------------------- MODULE HashInductive ---------------------------
(***************************************************************************)
(* An inductive invariant of the hash design (Policy = "hash").            *)
(*                                                                         *)
(* Each queue has an order of reservation tau: the requests that have      *)
(* claimed slots in it, first claim first.  The ring holds their packets   *)
(* in that order from slot sent[g][q] on, the adapter has consumed the     *)
(* first sent[g][q] of them (all ready), and each group's wire is an      *)
(* interleaving of what the group's queues gave it.  The conjunct that     *)
(* carries FlowOrder is BeforePrecedes: a request that returned before r   *)
(* began (r's before set) reserved before r, in the same queue (the        *)
(* flow's).  The lock holder's request is the last in its queue.           *)
(*                                                                         *)
(* WeakInv replaces BeforePrecedes by FlowOrder itself: the property alone *)
(* is not inductive (two requests of one flow can sit in the wrong order  *)
(* in a ring before either reaches the wire).                              *)
(***************************************************************************)
EXTENDS InductiveBase

(* ---------------------------- vocabulary -------------------------------- *)

Assigned(r) == \E c \in CPUs : cur[c] = r /\ pc[c] = "assigned"
Reserved(r) == ~Assigned(r)
Failed(r)   == Reserved(r) /\ ~Current(r) /\ reqs[r].written < reqs[r].size
Ready(p)    == p[2] <= reqs[p[1]].written \/ Failed(p[1])

QueuePairs == UNION {{<<g, q>> : q \in Queues(g)} : g \in Groups}
ReservedIn(x) == {r \in Reqs : reqs[r].group = x[1] /\ reqs[r].queue = x[2] /\ Reserved(r)}
\* The sequences that list the set S, each element once.
Orders(S) == {s \in [1 .. Cardinality(S) -> S] : \A i, j \in DOMAIN s : i # j => s[i] # s[j]}
\* Every choice of one order of reservation per queue.
OrderChoices ==
    {t \in [QueuePairs -> UNION {Orders(ReservedIn(x)) : x \in QueuePairs}] : \A x \in QueuePairs : t[x] \in Orders(ReservedIn(x))}

DescriptorOf(p) ==
    LET r == p[1]
        j == p[2]
        i == Indicator(reqs[r].size, j)
    IN  IF j <= reqs[r].written THEN WrittenDescriptor(r, j, i)
        ELSE IF Failed(r)       THEN NoOpDescriptor(r, j, i)
        ELSE                         ReservedDescriptor(r, j)

\* The slot of request r's first packet in a queue whose order of reservation is s.
FirstSlotIn(s, r) == Len(PacketSeq(SubSeq(s, 1, (CHOOSE i \in DOMAIN s : s[i] = r) - 1)))

(* ---------------------------- conjuncts --------------------------------- *)

\* hash takes no ticket and no turn.
NoTickets == ticket = [g \in Groups |-> 0] /\ turn = [g \in Groups |-> [q \in Queues(g) |-> 0]]
\* A queue is locked exactly by the CPU writing into it.
LocksHeld ==
    lock = [g \in Groups |-> [q \in Queues(g) |->
               IF \E c \in CPUs : pc[c] = "writing" /\ Group(c) = g /\ Queue(c) = q
               THEN CHOOSE c \in CPUs : pc[c] = "writing" /\ Group(c) = g /\ Queue(c) = q
               ELSE NoCpu]]
\* An assigned request has written nothing; a writing one has packets left to write.
SendersOK ==
    /\ \A r \in Reqs : Assigned(r) => reqs[r].written = 0
    /\ \A c \in CPUs : pc[c] = "writing" => reqs[cur[c]].written < reqs[cur[c]].size
\* Every failed send counts as a fault.
FaultsOK == faults = Cardinality({r \in Reqs : Failed(r)})

\* A request in r's before set reserved before r (in r's queue: same flow, same queue).
BeforePrecedes(t) ==
    \A x \in QueuePairs : \A i \in DOMAIN t[x] : \A b \in reqs[t[x][i]].before :
        \E j \in 1 .. i - 1 : t[x][j] = b
\* The lock holder's request is the newest reservation in its queue.
WriterLast(t) ==
    \A c \in CPUs : pc[c] = "writing" => LET s == t[<<Group(c), Queue(c)>>] IN s # <<>> /\ s[Len(s)] = cur[c]

\* The adapter has consumed a ready prefix of each queue's packets; the rings, the
\* claims of the writers and the wire are what that leaves and produces.
RingsOK(t) ==
    \E n \in [QueuePairs -> 0 .. MaxPackets] :
        /\ \A x \in QueuePairs : n[x] <= Len(PacketSeq(t[x]))
        /\ \A x \in QueuePairs : \A i \in 1 .. n[x] : Ready(PacketSeq(t[x])[i])
        /\ sent = [g \in Groups |-> [q \in Queues(g) |-> n[<<g, q>>]]]
        /\ at = [c \in CPUs |-> IF pc[c] = "writing" THEN FirstSlotIn(t[<<Group(c), Queue(c)>>], cur[c]) ELSE 0]
        /\ queues = [g \in Groups |-> [q \in Queues(g) |->
                        LET s == PacketSeq(t[<<g, q>>]) IN [i \in 1 .. Len(s) - n[<<g, q>>] |-> DescriptorOf(s[n[<<g, q>>] + i])]]]
        /\ wire \in Choices([g \in Groups |->
               LET xs == CHOOSE xs \in Orders({x \in QueuePairs : x[1] = g}) : TRUE
               IN  ShuffleAll([k \in DOMAIN xs |->
                       SelectSeq(SubSeq(PacketSeq(t[xs[k]]), 1, n[xs[k]]), LAMBDA p : p[2] <= reqs[p[1]].written)])])

GlobalOK ==
    /\ HistoryOK
    /\ CurOK
    /\ PcOK
    /\ BeforeReturned
    /\ NoTickets
    /\ SchedulerOK
    /\ LocksHeld
    /\ SendersOK
    /\ FaultsOK
    /\ faults \in 0 .. MaxFaults

IndInv  == GlobalOK /\ \E t \in OrderChoices : BeforePrecedes(t) /\ WriterLast(t) /\ RingsOK(t)

\* Not inductive: BeforePrecedes replaced by the property it is for.
WeakInv == GlobalOK /\ (\E t \in OrderChoices : WriterLast(t) /\ RingsOK(t)) /\ FlowOrder

\* What the invariant is for.
Goal == FlowOrder /\ NoDuplicate

(* ------------------------ the step models' Init ------------------------- *)

(***************************************************************************)
(* As in NextInductive: StepInit is BTypeOK /\ IndInv with conjuncts       *)
(* repeated in front in an order that lets TLC bind and prune; every one  *)
(* is a conjunct of BTypeOK or IndInv, or (reqs \in AllHistories) implied  *)
(* by BTypeOK /\ HistoryOK, so BTypeOK /\ IndInv => StepInit; the step     *)
(* models check BTypeOK and IndInv in every initial state for the converse.*)
(***************************************************************************)
BoundedPrefix ==
    /\ reqs \in AllHistories
    /\ HistoryOK
    /\ cur \in [CPUs -> 0 .. MaxRequests]
    /\ CurOK
    /\ BeforeReturned
    /\ pc \in [CPUs -> {"idle", "assigned", "claimed", "writing"}]
    /\ PcOK
    /\ SendersOK
    /\ NoTickets
    /\ LocksHeld
    /\ FaultsOK
    /\ faults \in 0 .. MaxFaults
    /\ visit \in Groups
    /\ credit \in 0 .. MaxWeight
    /\ share \in [Groups -> 0 .. MaxPackets]
    /\ SchedulerOK
    /\ cursor \in [Groups -> 0 .. MaxQueues - 1]

StepInit     == BoundedPrefix /\ (\E t \in OrderChoices : BeforePrecedes(t) /\ WriterLast(t) /\ RingsOK(t)) /\ BTypeOK
WeakStepInit == BoundedPrefix /\ (\E t \in OrderChoices : WriterLast(t) /\ RingsOK(t)) /\ FlowOrder /\ BTypeOK
=============================================================================
