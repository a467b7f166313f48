---------------------------- MODULE NextInductive ---------------------------
(***************************************************************************)
(* An inductive invariant of the next design (Policy = "next").            *)
(*                                                                         *)
(* The invariant says where every packet of every request is, as a         *)
(* function of a few counters.  Let R be the set of requests that have     *)
(* reserved their slots.  Then:                                            *)
(*   - ring (g, q) holds, from slot sent[g][q] on, the packets of the      *)
(*     requests of R in queue q, in ticket order, each descriptor reserved,*)
(*     written or no-op according to the request's written count and       *)
(*     whether its sender failed;                                          *)
(*   - the adapter has consumed the first n[g] packets of the group's      *)
(*     ticket order, all of them ready; sent, cursor and the wire are what *)
(*     consuming exactly those gives;                                      *)
(*   - a CPU is assigned (has a ticket, no slots), abandoning (the same,   *)
(*     its send failed: it will reserve in turn and publish no-ops) or     *)
(*     writing (holds slots starting at at[c]), and every request not in   *)
(*     R is being sent.                                                    *)
(* ReservationFollowsTurn ties R to the turn counters: R is exactly the     *)
(* requests whose turn has come, so a queue's reserved requests are always *)
(* a prefix of its tickets.  Without it (WeakInv) the invariant is not     *)
(* inductive: the adapter can find a later ticket at the cursor.           *)
(***************************************************************************)
EXTENDS InductiveBase

(* ---------------------------- vocabulary -------------------------------- *)

Failed(R, r) == r \in R /\ ~Current(r) /\ reqs[r].written < reqs[r].size
Ready(R, p)  == p[2] <= reqs[p[1]].written \/ Failed(R, p[1])
InQueue(g, q) == {r \in Reqs : reqs[r].group = g /\ reqs[r].queue = q}

\* The requests of R in ring (g, q), in ticket order, and their packets slot by slot from slot 0.
RingRequests(R, g, q) == SelectSeq(GroupRequests(g), LAMBDA r : reqs[r].queue = q /\ r \in R)
RingSlots(R, g, q)    == PacketSeq(RingRequests(R, g, q))
\* The slot of request r's first packet.
FirstSlot(R, r) ==
    Len(PacketSeq(SelectSeq(RingRequests(R, reqs[r].group, reqs[r].queue), LAMBDA s : s < r)))

\* The descriptor that packet p is in its slot.
DescriptorOf(R, p) ==
    LET r == p[1]
        j == p[2]
        i == Indicator(reqs[r].size, j)
    IN  IF j <= reqs[r].written THEN WrittenDescriptor(r, j, i)
        ELSE IF Failed(R, r)    THEN NoOpDescriptor(r, j, i)
        ELSE                         ReservedDescriptor(r, j)

\* Ring (g, q) once its first s slots are consumed.
Ring(R, g, q, s) ==
    LET slots == RingSlots(R, g, q)
    IN  [i \in 1 .. Len(slots) - s |-> DescriptorOf(R, slots[s + i])]

\* The group's packets in ticket order: the order of its wire.
TicketOrder(g) == PacketSeq(GroupRequests(g))

\* What the adapter's counters are after consuming the first n packets of the ticket order.
SentFor(g, n) == [q \in Queues(g) |-> Cardinality({i \in 1 .. n : reqs[TicketOrder(g)[i][1]].queue = q})]
CursorFor(g, n) ==
    IF n = 0 THEN 0
    ELSE LET p == TicketOrder(g)[n]
             q == reqs[p[1]].queue
         IN  IF p[2] = reqs[p[1]].size THEN (q + 1) % QueueCount[g] ELSE q
WireFor(g, n) == SelectSeq(SubSeq(TicketOrder(g), 1, n), LAMBDA p : p[2] <= reqs[p[1]].written)

(* ---------------------------- conjuncts --------------------------------- *)

\* Tickets are handed out one per request of the group.
TicketsOK == ticket = [g \in Groups |-> Len(GroupRequests(g))]
\* next takes no queue lock.
LocksFree == lock = [g \in Groups |-> [q \in Queues(g) |-> NoCpu]]

\* The requests whose turn (ticket div k) their queue has reached: those that have reserved.
TurnReserved == {r \in Reqs : TicketTurn(reqs[r].ticket, reqs[r].group) < turn[reqs[r].group][reqs[r].queue]}
\* No queue's turn is ahead of its tickets.
TurnBounded == \A g \in Groups : \A q \in Queues(g) : turn[g][q] <= Cardinality(InQueue(g, q))
\* Each queue's turn counts the reservations made in it.
ReservationCountsTurn(R) ==
    \A g \in Groups : \A q \in Queues(g) : Cardinality(R \cap InQueue(g, q)) = turn[g][q]

\* An assigned or abandoning CPU has not reserved; a writing one has, and has packets left
\* to write; a request without slots is being sent and has written nothing.
SendersOK(R) ==
    /\ \A c \in CPUs : pc[c] \in {"assigned", "abandoning"} => cur[c] \notin R
    /\ \A c \in CPUs : pc[c] = "writing"  => cur[c] \in R /\ reqs[cur[c]].written < reqs[cur[c]].size
    /\ \A r \in Reqs \ R : Current(r) /\ reqs[r].written = 0
\* A writing CPU's claim starts at its request's first slot.
AtOK(R) == at = [c \in CPUs |-> IF pc[c] = "writing" THEN FirstSlot(R, cur[c]) ELSE 0]
\* Every failed send counts as a fault: those that failed after reserving, and those
\* abandoning (failed after the ticket, not yet reserved in turn).
FaultsOK(R) == faults = Cardinality({r \in R : Failed(R, r)}) + Cardinality({c \in CPUs : pc[c] = "abandoning"})

\* The adapter has consumed a ready prefix of each group's ticket order; the rings,
\* the cursor and the wire are exactly what that prefix leaves and produces.
AdapterOK(R) ==
    \E n \in [Groups -> 0 .. MaxPackets] :
        /\ \A g \in Groups : n[g] <= Len(TicketOrder(g))
        /\ \A g \in Groups : \A i \in 1 .. n[g] : Ready(R, TicketOrder(g)[i])
        /\ sent = [g \in Groups |-> SentFor(g, n[g])]
        /\ cursor = [g \in Groups |-> CursorFor(g, n[g])]
        /\ wire = [g \in Groups |-> WireFor(g, n[g])]
        /\ queues = [g \in Groups |-> [q \in Queues(g) |-> Ring(R, g, q, sent[g][q])]]

\* The conjuncts that do not depend on R.
GlobalOK ==
    /\ HistoryOK
    /\ CurOK
    /\ PcOK
    /\ BeforeReturned
    /\ TicketsOK
    /\ LocksFree
    /\ SchedulerOK
    /\ TurnBounded

\* The conjuncts that do.
LocalOK(R) ==
    /\ ReservationCountsTurn(R)
    /\ SendersOK(R)
    /\ AtOK(R)
    /\ FaultsOK(R)
    /\ faults \in 0 .. MaxFaults
    /\ AdapterOK(R)

\* R is the set of requests whose turn has come (ReservationFollowsTurn).
IndInv == GlobalOK /\ \E R \in {TurnReserved} : LocalOK(R)

\* Not inductive: IndInv without ReservationFollowsTurn; R is any set of requests
\* with the right number in each queue.
WeakInv == GlobalOK /\ \E R \in SUBSET Reqs : LocalOK(R)

\* What the invariant is for.
Goal == GroupOrder /\ RequestContiguity /\ NoDuplicate

(* ------------------------ the step models' Init ------------------------- *)

(***************************************************************************)
(* StepInit is BTypeOK /\ IndInv with their conjuncts reordered so that    *)
(* TLC binds each variable (x \in S or x = e) before a conjunct reads it,   *)
(* and prunes as early as it can.  Every conjunct of StepInit is a         *)
(* conjunct of BTypeOK or IndInv, except reqs \in AllHistories, which       *)
(* BTypeOK /\ HistoryOK implies (Histories builds exactly those            *)
(* sequences), so BTypeOK /\ IndInv => StepInit.  The converse is checked:  *)
(* the step models check BTypeOK and IndInv as invariants, and TLC checks  *)
(* invariants in every initial state.  Likewise for WeakStepInit.          *)
(***************************************************************************)
BoundedPrefix ==
    /\ reqs \in AllHistories
    /\ HistoryOK
    /\ cur \in [CPUs -> 0 .. MaxRequests]
    /\ CurOK
    /\ BeforeReturned
    /\ pc \in [CPUs -> {"idle", "assigned", "claimed", "writing", "abandoning"}]
    /\ PcOK
    /\ TicketsOK
    /\ LocksFree
    /\ visit \in Groups
    /\ credit \in 0 .. MaxWeight
    /\ share \in [Groups -> 0 .. MaxPackets]
    /\ SchedulerOK
    /\ turn \in PerQueue(0 .. MaxRequests)
    /\ TurnBounded

StepInit     == BoundedPrefix /\ (\E R \in {TurnReserved} : LocalOK(R)) /\ BTypeOK
WeakStepInit == BoundedPrefix /\ (\E R \in SUBSET Reqs : LocalOK(R)) /\ BTypeOK
=============================================================================
