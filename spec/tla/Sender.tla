------------------------------- MODULE Sender -------------------------------
(***************************************************************************)
(* The driver's send function, run by every CPU at once ([0036], [0056]).  *)
(* A CPU sends its requests one after the other; one request is one or    *)
(* more packets of one flow, hence of one priority and one group.  The     *)
(* workload is a sequence of requests, each a set of alternatives: the     *)
(* next idle CPU to call send takes the next request, in any of its forms. *)
(*                                                                         *)
(*   idle --Assign--> assigned --Reserve--> writing --Write...--> idle    *)
(*                                                  \--Fail-----> idle    *)
(*   (M5 only: assigned --ReadTail--> claimed --Reserve--> writing)        *)
(*   (next, a fault before reserving:                                      *)
(*      assigned --FailAssigned--> abandoning --Reserve--> idle: no-ops;   *)
(*      M11: assigned --FailAssigned--> idle, the ticket kept)             *)
(*                                                                         *)
(* Atomicity follows the implementation: taking a ticket is one atomic     *)
(* fetch-and-add; a reservation is one atomic claim of n slots (next: a    *)
(* compare-and-set in ticket order; hash: under the queue's lock); every   *)
(* descriptor is written and published by its own store.                   *)
(***************************************************************************)
EXTENDS Assignment, TxState, FiniteSets

CONSTANTS
    CPUs,          \* the sending CPUs
    FlowPriority,  \* [Flows -> Priorities]: a flow's packets all have one priority
    Work,          \* Seq(SUBSET [flow : Flows, size : Nat \ {0}]): the requests, in call order
    MaxFaults      \* how many sends may fail (after reserving, or between ticket and reservation)


MaxRequests == Len(Work)
ArrayMax    == LET sizes == {w.size : w \in UNION {Work[i] : i \in 1 .. Len(Work)}}
               IN  CHOOSE n \in sizes : \A m \in sizes : m <= n

Requests == [flow : Flows, group : Groups, queue : Nat, size : 1 .. ArrayMax,
             ticket : Nat, written : Nat, before : SUBSET Nat]

Group(c) == reqs[cur[c]].group
Queue(c) == reqs[cur[c]].queue

\* Request b's send has returned.
Returned(b) == \A c \in CPUs : cur[c] # b

SenderInit ==
    /\ reqs   = <<>>
    /\ pc     = [c \in CPUs |-> "idle"]
    /\ cur    = [c \in CPUs |-> 0]
    /\ at     = [c \in CPUs |-> 0]
    /\ ticket = [g \in Groups |-> 0]
    /\ turn   = [g \in Groups |-> [q \in Queues(g) |-> 0]]
    /\ lock   = [g \in Groups |-> [q \in Queues(g) |-> NoCpu]]
    /\ faults = 0

\* The group a request of flow f goes to: its priority's group.  A model may
\* override it to route a flow wrongly (MCMisroute), which PriorityIsolation,
\* judged on GroupOf itself, must catch.
RequestGroup(f) == GroupOf[FlowPriority[f]]

\* CPU c's call of send takes the next request of the workload: n packets of
\* flow f.  The request gets its queue: hash = the flow
\* key's queue; next = take the group's ticket t (atomic fetch-and-add), queue t mod k.
\* The request remembers which requests of its flow had returned (for FlowOrder).
Assign(c) ==
    /\ pc[c] = "idle"
    /\ Len(reqs) < MaxRequests
    /\ \E w \in Work[Len(reqs) + 1] :
         LET r == Len(reqs) + 1
             f == w.flow
             n == w.size
             g == RequestGroup(f)
             t == ticket[g]
         IN  /\ reqs' = Append(reqs,
                   [flow |-> f, group |-> g, size |-> n,
                    queue   |-> IF Policy = "next" THEN TicketQueue(t, g) ELSE HashQueue(f, r, g),
                    ticket  |-> IF Policy = "next" THEN t ELSE 0,
                    written |-> 0,
                    before  |-> {b \in 1 .. Len(reqs) : reqs[b].flow = f /\ Returned(b)}])
             /\ ticket' = IF Policy = "next" THEN [ticket EXCEPT ![g] = t + 1] ELSE ticket
             /\ cur' = [cur EXCEPT ![c] = r]
    /\ pc' = [pc EXCEPT ![c] = "assigned"]
    /\ UNCHANGED <<at, turn, lock, faults, ringVars, adapterVars>>

\* M5 only: the unlocked sender reads the tail; it claims the slots in a later step.
ReadTail(c) ==
    /\ Mutant = "M5"
    /\ pc[c] = "assigned"
    /\ at' = [at EXCEPT ![c] = TailSlot(Group(c), Queue(c))]
    /\ pc' = [pc EXCEPT ![c] = "claimed"]
    /\ UNCHANGED <<reqs, cur, ticket, turn, lock, faults, ringVars, adapterVars>>

\* The end of CPU c's send: its queue lock (hash) is released and it is idle.
Finish(c) ==
    /\ lock' = IF lock[Group(c)][Queue(c)] = c
                  THEN [lock EXCEPT ![Group(c)][Queue(c)] = NoCpu] ELSE lock
    /\ pc'   = [pc EXCEPT ![c] = "idle"]
    /\ cur'  = [cur EXCEPT ![c] = 0]
    /\ at'   = [at EXCEPT ![c] = 0]

\* CPU c claims its request's n slots in its queue, waiting while the ring has
\* less than n free slots (backpressure).  next: only in ticket order, so
\* ticket t's slots follow those of ticket t - k (M1 drops this); hash: under
\* the queue's lock, held until the last descriptor is written.  A sender that
\* failed after its ticket (abandoning) still claims its slots in turn, and
\* publishes them at once as no-ops: the cursor passes over them in order.
Reserve(c) ==
    LET r == cur[c]
        g == Group(c)
        q == Queue(c)
        n == reqs[r].size
        a == IF Mutant = "M5" THEN at[c] ELSE TailSlot(g, q)
        noops == [i \in 1 .. n |-> NoOpDescriptor(r, i, Indicator(n, i))]
    IN  /\ pc[c] \in IF Mutant = "M5" THEN {"claimed"} ELSE {"assigned", "abandoning"}
        /\ Policy = "next" /\ Mutant # "M1" => TicketTurn(reqs[r].ticket, g) = turn[g][q]
        /\ Policy = "hash" /\ Mutant # "M5" => lock[g][q] = NoCpu
        /\ Space(g, q) >= n
        /\ turn'   = IF Policy = "next" THEN [turn EXCEPT ![g][q] = @ + 1] ELSE turn
        /\ IF pc[c] = "abandoning"
              THEN /\ queues' = [queues EXCEPT ![g][q] = @ \o noops]
                   /\ Finish(c)
              ELSE /\ queues' = [queues EXCEPT ![g][q] = Claim(@, sent[g][q], a, r, n)]
                   /\ at'     = [at EXCEPT ![c] = a]
                   /\ lock'   = IF Policy = "hash" /\ Mutant # "M5" THEN [lock EXCEPT ![g][q] = c] ELSE lock
                   /\ pc'     = [pc EXCEPT ![c] = "writing"]
                   /\ UNCHANGED cur
        /\ UNCHANGED <<reqs, ticket, faults, sent, adapterVars>>

\* CPU c writes the next packet of its request into its reserved slot, with
\* its indicator, and marks it ready; after the last packet the send returns.
Write(c) ==
    LET r == cur[c]
        g == Group(c)
        q == Queue(c)
        j == reqs[r].written + 1
    IN  /\ pc[c] = "writing"
        /\ queues' = [queues EXCEPT ![g][q] =
                        Store(@, sent[g][q], at[c] + j - 1,
                              WrittenDescriptor(r, j, Indicator(reqs[r].size, j)))]
        /\ reqs' = [reqs EXCEPT ![r].written = j]
        /\ IF j = reqs[r].size THEN Finish(c) ELSE UNCHANGED <<lock, pc, cur, at>>
        /\ UNCHANGED <<ticket, turn, faults, sent, adapterVars>>

\* CPU c's send fails after its reservation: the slots it has not written
\* become ready no-op descriptors carrying the indicator the packet would
\* have carried, so the adapter passes over them in order.  M6 publishes nothing.
Fail(c) ==
    LET r == cur[c]
        g == Group(c)
        q == Queue(c)
        n == reqs[r].size
        w == reqs[r].written
        base == sent[g][q]
        first == at[c] - base + 1    \* where slot at[c] is in queues[g][q]
    IN  /\ pc[c] = "writing"
        /\ faults < MaxFaults
        /\ queues' = IF Mutant = "M6" THEN queues
                     ELSE [queues EXCEPT ![g][q] =
                            [i \in DOMAIN @ |->
                               IF first + w <= i /\ i <= first + n - 1
                                  THEN NoOpDescriptor(r, i - first + 1, Indicator(n, i - first + 1))
                                  ELSE @[i]]]
        /\ faults' = faults + 1
        /\ Finish(c)
        /\ UNCHANGED <<reqs, ticket, turn, sent, adapterVars>>

\* next: CPU c's send fails after taking its ticket, before reserving.  Other
\* CPUs may hold later tickets already, so the ticket cannot be given back: the
\* CPU goes on to reserve in turn and publish no-ops (Reserve, abandoning).
\* M11 does nothing: the CPU goes idle with the ticket, turn never reaches the
\* next ticket of its queue, and the cursor waits there forever.  (The Java
\* driver takes ticket and slots in one step under the group's lock, where no
\* other CPU has seen the ticket: it gives the ticket back instead, a behaviour
\* in which this request was never assigned.)  hash: nothing to hand over, not modelled.
FailAssigned(c) ==
    /\ Policy = "next"
    /\ pc[c] = "assigned"
    /\ faults < MaxFaults
    /\ faults' = faults + 1
    /\ IF Mutant = "M11"
          THEN Finish(c)
          ELSE /\ pc' = [pc EXCEPT ![c] = "abandoning"]
               /\ UNCHANGED <<lock, cur, at>>
    /\ UNCHANGED <<reqs, ticket, turn, ringVars, adapterVars>>

\* The steps of CPU c that it always goes on to take (a fault is never forced).
Send(c) == Assign(c) \/ ReadTail(c) \/ Reserve(c) \/ Write(c)
ASSUME SenderWellFormed ==
    /\ DOMAIN FlowPriority = Flows
    /\ \A i \in 1 .. Len(Work) : Work[i] # {} /\ \A w \in Work[i] : w.flow \in Flows /\ w.size >= 1
    /\ ArrayMax <= RingSize     \* a request larger than the ring is rejected before it is assigned
=============================================================================
