------------------------- MODULE TxOrderProperties --------------------------
(***************************************************************************)
(* The properties of DESIGN.md section 3, one named definition each.       *)
(*                                                                         *)
(* The wire is recorded per group (TxState): wire[g] holds group g's       *)
(* packets in wire order, and every wire property is about the packets of  *)
(* one group.  Each wire[g] only ever grows at its end, so the properties  *)
(* about wire order compare every group's newest packet with the group's   *)
(* earlier ones: TLC checks them in every reachable state, hence for every *)
(* pair of packets of a group, at a cost linear instead of quadratic in    *)
(* the wire's length.                                                      *)
(***************************************************************************)
EXTENDS TxOrder

\* Every variable has the type it should.
TypeOK ==
    /\ DOMAIN queues = Groups /\ DOMAIN sent = Groups
    /\ \A g \in Groups : /\ queues[g] \in [Queues(g) -> Seq(Descriptors)]
                         /\ sent[g] \in [Queues(g) -> Nat]
                         /\ \A q \in Queues(g) : Len(queues[g][q]) <= RingSize
    /\ reqs \in Seq(Requests) /\ Len(reqs) <= MaxRequests
    /\ pc \in [CPUs -> {"idle", "assigned", "claimed", "writing", "abandoning"}]
    /\ cur \in [CPUs -> 0 .. MaxRequests]
    /\ at \in [CPUs -> Nat]
    /\ ticket \in [Groups -> Nat]
    /\ DOMAIN turn = Groups /\ \A g \in Groups : turn[g] \in [Queues(g) -> Nat]
    /\ DOMAIN lock = Groups /\ \A g \in Groups : lock[g] \in [Queues(g) -> CPUs \cup {NoCpu}]
    /\ faults \in 0 .. MaxFaults
    /\ cursor \in [Groups -> Nat] /\ \A g \in Groups : cursor[g] \in Queues(g)
    /\ visit \in Groups
    /\ credit \in Nat
    /\ wire \in [Groups -> Seq(Nat \X Nat)]
    /\ share \in [Groups -> Nat]

(* ---------------------------- vocabulary -------------------------------- *)

\* Every position of a descriptor in a ring, as <<g, q, i>>.
Positions ==
    UNION {UNION {{<<g, q, i>> : i \in 1 .. Len(queues[g][q])} : q \in Queues(g)} : g \in Groups}
DescriptorAt(p) == queues[p[1]][p[2]][p[3]]
PacketPositions == {p \in Positions : DescriptorAt(p).ready /\ ~DescriptorAt(p).noop}

\* Packets as <<request, packet>>: written by their sender, waiting in a ring, on the wire.
Written   == UNION {{<<r, j>> : j \in 1 .. reqs[r].written} : r \in 1 .. Len(reqs)}
Queued    == {<<DescriptorAt(p).req, DescriptorAt(p).pkt>> : p \in PacketPositions}
OnGroupWire(g) == {wire[g][i] : i \in 1 .. Len(wire[g])}
OnWire    == UNION {OnGroupWire(g) : g \in Groups}

\* Group g's newest packet on the wire, and the positions of its earlier ones.
Newest(g)  == wire[g][Len(wire[g])]
Earlier(g) == 1 .. Len(wire[g]) - 1

(* ---------------------------- properties -------------------------------- *)

\* NoLoss: every packet a sender wrote is waiting in a ring or on the wire.
NoLoss == Written \subseteq Queued \cup OnWire

\* NoDuplicate: no packet is on the wire twice, queued twice, or both.
NoDuplicate ==
    /\ \A g \in Groups : Cardinality(OnGroupWire(g)) = Len(wire[g])
    /\ \A g, h \in Groups : g # h => OnGroupWire(g) \cap OnGroupWire(h) = {}
    /\ Cardinality(Queued) = Cardinality(PacketPositions)
    /\ Queued \cap OnWire = {}

\* FlowOrder: no packet goes on the wire after one of a later request of its flow
\* (one that began after its request returned), nor after a later packet of its array.
\* A flow's packets are all in its group's wire, so the group's wire is where to look.
FlowOrder ==
    \A g \in Groups : wire[g] # <<>> =>
        \A i \in Earlier(g) :
            /\ Newest(g)[1] \notin reqs[wire[g][i][1]].before
            /\ wire[g][i][1] = Newest(g)[1] => wire[g][i][2] < Newest(g)[2]

\* GroupOrder: under next, a group's wire order is its ticket (assignment) order.
GroupOrder ==
    Policy = "next" =>
        \A g \in Groups : wire[g] # <<>> =>
            \A i \in Earlier(g) : reqs[wire[g][i][1]].ticket <= reqs[Newest(g)[1]].ticket

\* RequestContiguity: under next, a packet other than its request's first comes
\* right after the previous packet of that request in its group's wire order.
RequestContiguity ==
    Policy = "next" =>
        \A g \in Groups : wire[g] # <<>> /\ Newest(g)[2] > 1 =>
            /\ Len(wire[g]) > 1
            /\ wire[g][Len(wire[g]) - 1] = <<Newest(g)[1], Newest(g)[2] - 1>>

\* FlowOrder without the before sets, under next.  If request b is in request
\* s's before set, then b < s (b had returned when s was assigned) and both are
\* of one flow, hence of one group.  When tickets follow the order of assignment
\* within a group (TicketsFollowAssignment), b's ticket is below s's, so GroupOrder
\* puts every packet of b on the wire before every packet of s; and within one
\* request, RequestContiguity and NoDuplicate put packet j - 1 before packet j
\* (were packet j first, packet j - 1 would have to sit right before it and
\* again after it).  So, under next,
\*     TicketsFollowAssignment /\ GroupOrder /\ RequestContiguity /\ NoDuplicate
\*         => FlowOrder
\* and a model that checks these four need not keep the before sets, which
\* record when every request returned and multiply the states by that history
\* (MCNextStrictFull drops them with a VIEW, see MCTxOrder).
TicketsFollowAssignment ==
    Policy = "next" =>
        \A b, s \in 1 .. Len(reqs) :
            b < s /\ reqs[b].group = reqs[s].group => reqs[b].ticket < reqs[s].ticket

\* FlowAffinity: under hash, all requests of one flow go to one queue.
FlowAffinity ==
    Policy = "hash" =>
        \A r, s \in 1 .. Len(reqs) : reqs[r].flow = reqs[s].flow => reqs[r].queue = reqs[s].queue

\* PriorityIsolation: a descriptor only ever sits in a queue of its priority's group.
PriorityIsolation ==
    \A p \in Positions : GroupOf[FlowPriority[reqs[DescriptorAt(p).req].flow]] = p[1]

\* Group g puts a packet on the wire in this step.
Sends(g) == Len(wire'[g]) > Len(wire[g])

\* StrictPriority: under strict scheduling, the adapter never puts a packet of a
\* group on the wire while a higher group has a packet it could send.
StrictPriority ==
    [][Scheduler = "strict" => \A g \in Groups : Sends(g) => \A h \in Groups : h > g => ~Eligible(h)]_vars

\* WeightedShare: under wrr, each visit serves its group exactly its weight while
\* the group has packets to send: a visit that goes on stays within the weight;
\* a new visit starts only when the last one served its weight or ran out of
\* packets, and it goes to the nearest group below (cyclically) that can send.
\* Judged on share, a count of packets kept apart from the scheduler's credit.
WeightedShare ==
    [][Scheduler = "wrr" =>
         \A g \in Groups : Sends(g) =>
            IF g = visit /\ share'[g] > 1
            THEN share'[g] <= Weight[g]
            ELSE /\ \/ share[visit] = Weight[visit]
                    \/ ~Eligible(visit)
                    \/ \A h \in Groups : wire[h] = <<>>
                 /\ \A h \in Groups : Below(visit, h) < Below(visit, g) => ~Eligible(h)]_vars

\* SlotExclusion: no two senders ever hold a claim on the same slot.
SlotExclusion ==
    \A c, d \in CPUs :
        /\ c # d
        /\ pc[c] \in {"claimed", "writing"} /\ pc[d] \in {"claimed", "writing"}
        /\ Group(c) = Group(d) /\ Queue(c) = Queue(d)
        => \/ at[c] + reqs[cur[c]].size <= at[d]
           \/ at[d] + reqs[cur[d]].size <= at[c]

\* Progress: no deadlock, even with bounded rings and faults: every request is
\* sent and every reserved slot consumed.
Progress == <>Terminated

\* The liveness part of NoLoss: every packet written is eventually on the wire.
NoLossLiveness == <>[](Written \subseteq OnWire)

\* Parallelism (witness, must fail): never are two CPUs between Reserve and the
\* end of their writes on different queues of one group.
Parallelism ==
    ~\E c, d \in CPUs :
        /\ pc[c] = "writing" /\ pc[d] = "writing"
        /\ Group(c) = Group(d) /\ Queue(c) # Queue(d)
=============================================================================
