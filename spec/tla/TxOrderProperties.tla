------------------------- MODULE TxOrderProperties --------------------------
(***************************************************************************)
(* The properties of DESIGN.md section 3, one named definition each.       *)
(*                                                                         *)
(* The wire only ever grows at its end, so the properties about wire order *)
(* compare the newest packet with every earlier one: TLC checks them in    *)
(* every reachable state, hence for every pair of packets on the wire, at  *)
(* a cost linear instead of quadratic in the wire's length.                *)
(***************************************************************************)
EXTENDS TxOrder

\* Every variable has the type it should.
TypeOK ==
    /\ DOMAIN queues = Groups /\ DOMAIN sent = Groups
    /\ \A g \in Groups : /\ queues[g] \in [Queues(g) -> Seq(Descriptors)]
                         /\ sent[g] \in [Queues(g) -> Nat]
                         /\ \A q \in Queues(g) : Len(queues[g][q]) <= RingSize
    /\ reqs \in Seq(Requests) /\ Len(reqs) <= MaxRequests
    /\ pc \in [CPUs -> {"idle", "assigned", "claimed", "writing"}]
    /\ cur \in [CPUs -> 0 .. MaxRequests]
    /\ at \in [CPUs -> Nat]
    /\ ticket \in [Groups -> Nat]
    /\ DOMAIN turn = Groups /\ \A g \in Groups : turn[g] \in [Queues(g) -> Nat]
    /\ DOMAIN lock = Groups /\ \A g \in Groups : lock[g] \in [Queues(g) -> CPUs \cup {NoCpu}]
    /\ faults \in 0 .. MaxFaults
    /\ cursor \in [Groups -> Nat] /\ \A g \in Groups : cursor[g] \in Queues(g)
    /\ credit \in [Groups -> Nat]
    /\ wire \in Seq(Nat \X Nat)
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
OnWire    == {wire[i] : i \in 1 .. Len(wire)}

GroupOfPacket(w) == reqs[w[1]].group
Newest == wire[Len(wire)]
Earlier == 1 .. Len(wire) - 1

(* ---------------------------- properties -------------------------------- *)

\* NoLoss: every packet a sender wrote is waiting in a ring or on the wire.
NoLoss == Written \subseteq Queued \cup OnWire

\* NoDuplicate: no packet is on the wire twice, queued twice, or both.
NoDuplicate ==
    /\ Cardinality(OnWire) = Len(wire)
    /\ Cardinality(Queued) = Cardinality(PacketPositions)
    /\ Queued \cap OnWire = {}

\* FlowOrder: no packet goes on the wire after one of a later request of its flow
\* (one that began after its request returned), nor after a later packet of its array.
FlowOrder ==
    wire # <<>> =>
        \A i \in Earlier :
            /\ Newest[1] \notin reqs[wire[i][1]].before
            /\ wire[i][1] = Newest[1] => wire[i][2] < Newest[2]

\* GroupOrder: under next, a group's wire order is its ticket (assignment) order.
GroupOrder ==
    Policy = "next" /\ wire # <<>> =>
        \A i \in Earlier :
            GroupOfPacket(wire[i]) = GroupOfPacket(Newest) =>
                reqs[wire[i][1]].ticket <= reqs[Newest[1]].ticket

\* RequestContiguity: under next, a packet other than its request's first comes
\* right after the previous packet of that request in its group's wire order.
RequestContiguity ==
    Policy = "next" /\ wire # <<>> /\ Newest[2] > 1 =>
        LET sameGroup == {i \in Earlier : GroupOfPacket(wire[i]) = GroupOfPacket(Newest)}
        IN  /\ sameGroup # {}
            /\ LET last == CHOOSE i \in sameGroup : \A k \in sameGroup : k <= i
               IN  wire[last] = <<Newest[1], Newest[2] - 1>>

\* FlowAffinity: under hash, all requests of one flow go to one queue.
FlowAffinity ==
    Policy = "hash" =>
        \A r, s \in 1 .. Len(reqs) : reqs[r].flow = reqs[s].flow => reqs[r].queue = reqs[s].queue

\* PriorityIsolation: a descriptor only ever sits in a queue of its priority's group.
PriorityIsolation ==
    \A p \in Positions : GroupOf[FlowPriority[reqs[DescriptorAt(p).req].flow]] = p[1]

\* StrictPriority: under strict scheduling, the adapter never consumes a descriptor
\* of a group while a higher group has one it could send.
StrictPriority ==
    [][Scheduler = "strict" =>
         \A g \in Groups : sent'[g] # sent[g] => \A h \in Groups : h > g => ~Eligible(h)]_vars

\* WeightedShare: under wrr, while every group can send, no group's share of the
\* wire runs more than two rounds ahead of another's (one round left over from
\* before the stretch, one in progress): share[g]/W[g] <= share[h]/W[h] + 2.
WeightedShare ==
    Scheduler = "wrr" =>
        \A g, h \in Groups : share[g] * Weight[h] <= (share[h] + 2 * Weight[h]) * Weight[g]

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
