---------------------------- MODULE InductiveBase ---------------------------
(***************************************************************************)
(* What the inductive invariants of both policies share: a bounded         *)
(* TypeOK that TLC can enumerate, the vocabulary of requests and packets,  *)
(* and the conjuncts about the request history and the CPUs.               *)
(*                                                                         *)
(* BTypeOK is TypeOK of TxOrderProperties with every Nat and Seq replaced  *)
(* by a finite range that the bounds of the model make sufficient: no      *)
(* step from a BTypeOK /\ IndInv state leaves BTypeOK (each step model     *)
(* checks BTypeOK as an invariant, so this is checked, not assumed).       *)
(***************************************************************************)
EXTENDS TxOrderProperties, Bounded, FiniteSets

MaxQueues  == LET ks == {QueueCount[g] : g \in Groups} IN CHOOSE k \in ks : \A m \in ks : m <= k
MaxPackets == MaxRequests * ArrayMax
MaxWeight  == LET ws == {Weight[g] : g \in Groups} IN CHOOSE w \in ws : \A m \in ws : m <= w

BRequests ==
    [flow : Flows, group : Groups, queue : 0 .. MaxQueues - 1, size : 1 .. ArrayMax,
     ticket : 0 .. MaxRequests - 1, written : 0 .. ArrayMax, before : SUBSET (1 .. MaxRequests)]
BDescriptors == [req : 1 .. MaxRequests, pkt : 1 .. ArrayMax, ind : Indicators, ready : BOOLEAN, noop : BOOLEAN]
BPackets     == (1 .. MaxRequests) \X (1 .. ArrayMax)

\* f gives one value of S per queue of every group; PerQueue(S) is the set of those f,
\* for an S small enough to enumerate (BTypeOK uses the predicate, which TLC tests lazily).
IsPerQueue(f, S) == DOMAIN f = Groups /\ \A g \in Groups : f[g] \in [Queues(g) -> S]
PerQueue(S) == {f \in [Groups -> UNION {[Queues(g) -> S] : g \in Groups}] : \A g \in Groups : DOMAIN f[g] = Queues(g)}

\* TypeOK with finite ranges.
BTypeOK ==
    /\ reqs \in BSeq(BRequests, MaxRequests)
    /\ pc \in [CPUs -> {"idle", "assigned", "claimed", "writing", "abandoning"}]
    /\ cur \in [CPUs -> 0 .. MaxRequests]
    /\ at \in [CPUs -> 0 .. MaxPackets]
    /\ ticket \in [Groups -> 0 .. MaxRequests]
    /\ IsPerQueue(turn, 0 .. MaxRequests)
    /\ IsPerQueue(lock, CPUs \cup {NoCpu})
    /\ faults \in 0 .. MaxFaults
    /\ IsPerQueue(queues, BSeq(BDescriptors, RingSize))
    /\ IsPerQueue(sent, 0 .. MaxPackets)
    /\ cursor \in [Groups -> 0 .. MaxQueues - 1] /\ \A g \in Groups : cursor[g] \in Queues(g)
    /\ visit \in Groups
    /\ credit \in 0 .. MaxWeight
    /\ DOMAIN wire = Groups /\ \A g \in Groups : wire[g] \in BSeq(BPackets, MaxPackets)
    /\ share \in [Groups -> 0 .. MaxPackets]

(* ---------------------------- vocabulary -------------------------------- *)

Reqs == 1 .. Len(reqs)
Current(r) == \E c \in CPUs : cur[c] = r
Packets(r) == [j \in 1 .. reqs[r].size |-> <<r, j>>]
\* The packets of the requests rs (a sequence of request numbers), request after request.
PacketSeq(rs) == Flatten([i \in 1 .. Len(rs) |-> Packets(rs[i])])
\* The requests of group g, in assignment order.
GroupRequests(g) == SelectSeq([r \in Reqs |-> r], LAMBDA r : reqs[r].group = g)
\* The wire packets of group g, in wire order (the spec keeps one wire per group).
WireOf(g) == wire[g]

(* -------------------- conjuncts shared by both policies ------------------ *)

\* Request y may follow the requests s in the history: it is a form of the
\* workload's next request, in its flow's group, with the queue and ticket its
\* policy gives, no more packets written than it has, and only earlier
\* requests of its flow in its before set.
RequestShapeOK(s, y) ==
    LET r == Len(s) + 1 IN
    /\ [flow |-> y.flow, size |-> y.size] \in Work[r]
    /\ y.group = GroupOf[FlowPriority[y.flow]]
    /\ y.ticket = IF Policy = "next" THEN Len(SelectSeq(s, LAMBDA x : x.group = y.group)) ELSE 0
    /\ y.queue = IF Policy = "next" THEN TicketQueue(y.ticket, y.group) ELSE HashQueue(y.flow, r, y.group)
    /\ y.written <= y.size
    /\ y.before \subseteq {b \in 1 .. Len(s) : s[b].flow = y.flow}

\* Every request of the history s has a shape its predecessors allow.
HistoryOKFor(s) == \A r \in 1 .. Len(s) : RequestShapeOK(SubSeq(s, 1, r - 1), s[r])
HistoryOK == HistoryOKFor(reqs)

\* The histories of n requests for which HistoryOK holds, built request by request
\* from BRequests: {s \in BSeq(BRequests, n) : Len(s) = n /\ HistoryOK for s}, but
\* without enumerating BSeq(BRequests, n) (the step models' initial predicates
\* use it to bind reqs; conjoined with BTypeOK /\ HistoryOK it adds no constraint).
RECURSIVE Histories(_)
Histories(n) ==
    IF n = 0 THEN {<<>>}
    ELSE UNION {{Append(s, y) : y \in {x \in BRequests : RequestShapeOK(s, x)}} : s \in Histories(n - 1)}
AllHistories == UNION {Histories(n) : n \in 0 .. MaxRequests}

\* The lemma the step models rely on, for histories of n requests (MCHistories checks it).
HistoriesExact(n) == Histories(n) = {s \in [1 .. n -> BRequests] : HistoryOKFor(s)}

\* Its half that needs no enumeration of [1 .. n -> BRequests]: every history built is one of n
\* requests that HistoryOK allows (the other half follows from the definitions, see proofs/README.md).
HistoriesSound(n) == \A s \in Histories(n) : Len(s) = n /\ HistoryOKFor(s)

\* A request in a before set has returned (and so stays returned).
BeforeReturned == \A r \in Reqs : \A b \in reqs[r].before : ~Current(b)

\* A CPU sends a request of the history that no other CPU sends.
CurOK ==
    /\ \A c \in CPUs : cur[c] <= Len(reqs)
    /\ \A c, d \in CPUs : c # d /\ cur[c] # 0 => cur[c] # cur[d]

\* A CPU is idle exactly when it sends no request, and never in the M5-only claimed step;
\* under hash never abandoning (a fault between ticket and reservation exists only under next).
PcOK ==
    /\ \A c \in CPUs : (pc[c] = "idle") = (cur[c] = 0)
    /\ \A c \in CPUs : pc[c] # "claimed"
    /\ Policy = "hash" => \A c \in CPUs : pc[c] # "abandoning"

\* Under strict scheduling the wrr bookkeeping never moves.
SchedulerOK == Scheduler = "strict" => visit = MinGroup /\ credit = 0 /\ share = [g \in Groups |-> 0]
=============================================================================
