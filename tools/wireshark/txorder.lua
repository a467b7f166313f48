-- Wireshark / tshark dissector for the txorder tag (txorder's TxTag, version 1).
--
-- A txorder packet is an Ethernet frame of EtherType 0x88B5 (IEEE 802 local experimental),
-- usually behind an 802.1Q priority tag, or a UDP datagram, whose payload begins with the
-- 56-byte tag below (network byte order). Load it with
--     tshark -X lua_script:tools/wireshark/txorder.lua -r wire.pcap -V
-- or copy it into Wireshark's personal plugins folder (Help > About > Folders).
--
--   offset size field
--        0    4 magic "TXOR"
--        4    1 version (1)
--        5    1 indicator: 0 none, 1 CURRENT, 2 NEXT
--        6    2 priority
--        8    8 request
--       16    4 packet (1-based in its request)
--       20    4 count (packets in the request)
--       24    8 flow
--       32    2 group (0xffff: not known)
--       34    2 queue inside the group (0xffff: not known)
--       36    2 sender (the sending cpu)
--       38    2 reserved
--       40    8 sender_seq (0-based: the sender's n-th request)
--       48    8 wire_seq (0-based: the NIC's or generator's n-th packet)

local txorder = Proto("txorder", "txorder ordered multi-queue transmit tag")

local indicators = { [0] = "none", [1] = "CURRENT", [2] = "NEXT" }
local unknown = { [0xffff] = "not known" }

local f = txorder.fields
f.magic      = ProtoField.string("txorder.magic", "Magic")
f.version    = ProtoField.uint8("txorder.version", "Version")
f.indicator  = ProtoField.uint8("txorder.indicator", "Indicator", base.DEC, indicators)
f.priority   = ProtoField.uint16("txorder.priority", "Priority")
f.request    = ProtoField.uint64("txorder.request", "Request")
f.packet     = ProtoField.uint32("txorder.packet", "Packet")
f.count      = ProtoField.uint32("txorder.count", "Packets in request")
f.flow       = ProtoField.uint64("txorder.flow", "Flow")
f.group      = ProtoField.uint16("txorder.group", "Group", base.DEC, unknown)
f.queue      = ProtoField.uint16("txorder.queue", "Queue", base.DEC, unknown)
f.sender     = ProtoField.uint16("txorder.sender", "Sender")
f.reserved   = ProtoField.uint16("txorder.reserved", "Reserved")
f.sender_seq = ProtoField.uint64("txorder.sender_seq", "Sender sequence")
f.wire_seq   = ProtoField.uint64("txorder.wire_seq", "Wire sequence")

local TAG_LENGTH = 56

local function is_tag(buffer)
    return buffer:len() >= TAG_LENGTH and buffer(0, 4):string() == "TXOR"
end

function txorder.dissector(buffer, pinfo, tree)
    if not is_tag(buffer) then
        return 0
    end
    pinfo.cols.protocol = "TXORDER"
    local t = tree:add(txorder, buffer(0, TAG_LENGTH))
    t:add(f.magic, buffer(0, 4))
    t:add(f.version, buffer(4, 1))
    t:add(f.indicator, buffer(5, 1))
    t:add(f.priority, buffer(6, 2))
    t:add(f.request, buffer(8, 8))
    t:add(f.packet, buffer(16, 4))
    t:add(f.count, buffer(20, 4))
    t:add(f.flow, buffer(24, 8))
    t:add(f.group, buffer(32, 2))
    t:add(f.queue, buffer(34, 2))
    t:add(f.sender, buffer(36, 2))
    t:add(f.reserved, buffer(38, 2))
    t:add(f.sender_seq, buffer(40, 8))
    t:add(f.wire_seq, buffer(48, 8))
    local request = buffer(8, 8):uint64()
    local packet = buffer(16, 4):uint()
    local count = buffer(20, 4):uint()
    local group = buffer(32, 2):uint()
    local queue = buffer(34, 2):uint()
    local where = (group == 0xffff) and "" or string.format(" group %d queue %d", group, queue)
    pinfo.cols.info = string.format("request %s packet %d/%d flow %s sender %d%s %s", tostring(request), packet,
        count, tostring(buffer(24, 8):uint64()), buffer(36, 2):uint(), where, indicators[buffer(5, 1):uint()] or "?")
    t:append_text(string.format(", request %s, packet %d of %d", tostring(request), packet, count))
    return TAG_LENGTH
end

DissectorTable.get("ethertype"):add(0x88b5, txorder)

-- In UDP (the Linux probe's traffic), recognised by the magic on any port.
local function heuristic(buffer, pinfo, tree)
    if not is_tag(buffer) then
        return false
    end
    txorder.dissector(buffer, pinfo, tree)
    return true
end
txorder:register_heuristic("udp", heuristic)
