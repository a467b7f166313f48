---------------------------- MODULE TraceTxOrder ----------------------------
(***************************************************************************)
(* Trace validation: a recorded run of an implementation is a behaviour of *)
(* TxOrder.  TraceLog is the run's action log, one record per logged step, *)
(* in the order the steps took effect.  Every step of this module matches  *)
(* the next record with the TxOrder action of the same name, taken on the  *)
(* record's CPU, group or queue, and checks that what the record says the  *)
(* implementation did is what that action does (queue, ticket, slot,       *)
(* indicator, request and packet).  A behaviour that consumes the whole    *)
(* log is a witness that the run conforms; if none does, the event at the *)
(* furthest l any behaviour reached is the first one no spec step allows.  *)
(*                                                                         *)
(* A record whose step the implementation takes more coarsely than the     *)
(* spec is matched by a fixed composition of spec actions: AssignReserve   *)
(* (the next policy's ticket and reservation under one lock) is Assign     *)
(* followed at once by Reserve of the same CPU (half marks the step in     *)
(* between, in which no other action may run).                             *)
(*                                                                         *)
(* Records (fields beyond action; req is the request's number in the       *)
(* order of the Assign records, 1, 2, ...):                                *)
(*   Assign         cpu req group queue ticket                             *)
(*   AssignReserve  cpu req group queue ticket slot                        *)
(*   Reserve        cpu req slot                                           *)
(*   ReadTail       cpu req slot                  (M5 only)                *)
(*   Write          cpu req packet slot indicator                          *)
(*   Fail           cpu req written                                        *)
(*   Transmit       group queue req packet slot                            *)
(*   PassNoop       group queue req packet slot                            *)
(*   SkipUnwritten  group queue                   (M2 only)                *)
(*   Idle           (the adapter found nothing to send or pass)            *)
(* The workload (Work, FlowKey, FlowPriority) is read off the Assign       *)
(* records by whoever writes the model; the flow key comes from the        *)
(* request's own data (its MAC or flow id), never from the queue the       *)
(* implementation chose.                                                   *)
(***************************************************************************)
EXTENDS Naturals, Sequences, TraceLogData   \* TraceLog: the recorded events, in log order

CONSTANTS
    QueueCount, GroupOf, Mutant, Policy, FlowKey, RingSize, NoCpu, CPUs,
    FlowPriority, Work, MaxFaults, Scheduler, Weight

VARIABLES
    queues, sent, reqs, pc, cur, at, ticket, turn, lock, faults,
    cursor, visit, credit, wire, share,
    l,           \* the number of the next record to match
    half         \* TRUE between the Assign and the Reserve of an AssignReserve record

TX == INSTANCE TxOrder

sysVars   == <<queues, sent, reqs, pc, cur, at, ticket, turn, lock, faults,
               cursor, visit, credit, wire, share>>
traceVars == <<sysVars, l, half>>

E == TraceLog[l]
\* The next record is one of this action (and there is a next record).
Is(action) == l <= Len(TraceLog) /\ E.action = action

\* The record is consumed by this step.
Consumed == l' = l + 1 /\ half' = FALSE

(* ------------------------------ senders --------------------------------- *)

\* The request just assigned got the number, group, queue and ticket of the record.
Assigned ==
    LET r == Len(reqs') IN
    /\ r = E.req
    /\ reqs'[r].group = E.group
    /\ reqs'[r].queue = E.queue
    /\ Policy = "next" => reqs'[r].ticket = E.ticket

\* CPU c is sending request E.req.
Sending(c) == c \in CPUs /\ cur[c] = E.req /\ E.req # 0

MatchAssign ==
    /\ Is("Assign") /\ ~half
    /\ E.cpu \in CPUs /\ TX!Assign(E.cpu) /\ Assigned
    /\ Consumed

\* AssignReserve, first half: the ticket (nothing else may run before the second).
MatchAssignOfAssignReserve ==
    /\ Is("AssignReserve") /\ ~half
    /\ E.cpu \in CPUs /\ TX!Assign(E.cpu) /\ Assigned
    /\ half' = TRUE /\ UNCHANGED l

\* Reserve, or the second half of AssignReserve: the slots claimed start at E.slot.
MatchReserve ==
    /\ \/ Is("Reserve") /\ ~half
       \/ Is("AssignReserve") /\ half
    /\ Sending(E.cpu) /\ TX!Reserve(E.cpu) /\ at'[E.cpu] = E.slot
    /\ Consumed

MatchReadTail ==
    /\ Is("ReadTail") /\ ~half
    /\ Sending(E.cpu) /\ TX!ReadTail(E.cpu) /\ at'[E.cpu] = E.slot
    /\ Consumed

\* The descriptor written is the request's next packet, in the slot and with
\* the indicator the spec gives it.
MatchWrite ==
    /\ Is("Write") /\ ~half
    /\ Sending(E.cpu)
    /\ reqs[E.req].written + 1 = E.packet
    /\ at[E.cpu] + E.packet - 1 = E.slot
    /\ TX!Indicator(reqs[E.req].size, E.packet) = E.indicator
    /\ TX!Write(E.cpu)
    /\ Consumed

MatchFail ==
    /\ Is("Fail") /\ ~half
    /\ Sending(E.cpu) /\ reqs[E.req].written = E.written
    /\ TX!Fail(E.cpu)
    /\ Consumed

(* ------------------------------ adapter --------------------------------- *)

\* The head of the record's queue is the record's descriptor.
HeadIs ==
    /\ E.group \in TX!Groups /\ E.queue \in TX!Queues(E.group)
    /\ queues[E.group][E.queue] # <<>>
    /\ Head(queues[E.group][E.queue]).req = E.req
    /\ Head(queues[E.group][E.queue]).pkt = E.packet
    /\ sent[E.group][E.queue] = E.slot

MatchTransmit ==
    /\ Is("Transmit") /\ ~half
    /\ HeadIs /\ TX!ServeQueue(E.group) = E.queue
    /\ TX!TransmitFrom(E.group)
    /\ Consumed

MatchPassNoop ==
    /\ Is("PassNoop") /\ ~half
    /\ HeadIs /\ TX!PassNoop(E.group, E.queue)
    /\ Consumed

MatchSkipUnwritten ==
    /\ Is("SkipUnwritten") /\ ~half
    /\ E.group \in TX!Groups /\ cursor[E.group] = E.queue
    /\ TX!SkipUnwritten(E.group)
    /\ Consumed

\* The adapter looked and found nothing to do: the spec agrees.
MatchIdle ==
    /\ Is("Idle") /\ ~half
    /\ TX!NothingToSend
    /\ UNCHANGED sysVars
    /\ Consumed

(* -------------------------------- spec ---------------------------------- *)

TraceInit == TX!Init /\ l = 1 /\ half = FALSE

\* One disjunct per record kind, so that TLC names the match in a trace.
TraceNext ==
    \/ MatchAssign \/ MatchAssignOfAssignReserve \/ MatchReserve \/ MatchReadTail
    \/ MatchWrite \/ MatchFail
    \/ MatchTransmit \/ MatchPassNoop \/ MatchSkipUnwritten \/ MatchIdle

TraceSpec == TraceInit /\ [][TraceNext]_traceVars

\* The log is accepted exactly when some behaviour falsifies this, i.e. has
\* matched every record (TLC reports it violated when checked as an
\* invariant; txorder reads the furthest l from a TLC register instead, which
\* spares printing the whole accepted behaviour).
LogNotConsumed == l <= Len(TraceLog)

\* Every behaviour of TraceSpec is one of TxOrder (the trace spec only
\* constrains which TxOrder step comes next): checked by the shipped models
\* of TraceTxOrder as a PROPERTY.
RefinesTxOrder == TX!Init /\ [][TX!Next]_sysVars
=============================================================================
