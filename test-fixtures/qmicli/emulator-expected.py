# Writes the expected .json of each emulator-* fixture from the SCENARIO files and the emulator's fixed
# behaviour (first CID 1, first handle 0xD8A02F01, packet rates), in the parsers' JSON shape.
import json, os
R = 'src/main/resources/scenarios/'
F = 'test-fixtures/qmicli/1.32.2/'
S = {n: json.load(open(R + n + '.json')) for n in ['e397u-53', 'raw-ip', 'pin', 'no-signal', 'call-failed']}
e = S['e397u-53']
def w(path, obj):
    open(F + path + '.json', 'w').write(json.dumps(obj, indent=2) + '\n')
def mask(p):
    m = (0xFFFFFFFF << (32 - p)) & 0xFFFFFFFF
    return '.'.join(str((m >> s) & 255) for s in (24, 16, 8, 0))
HANDLE = 0xD8A02F01
ident = e['identity']
w('dms-get-ids/emulator-e397u-53', {"esn": ident['esn'], "imei": ident['imei'], "meid": None, "imeiSoftwareVersion": None})
w('dms-get-manufacturer/emulator-e397u-53', ident['manufacturer'])
w('dms-get-model/emulator-e397u-53', ident['model'])
w('dms-get-revision/emulator-e397u-53', ident['revision'])
w('dms-get-operating-mode/emulator-e397u-53', {"mode": "ONLINE", "offlineReason": None, "hardwareRestricted": False})
w('get-service-version-info/emulator-e397u-53', {"services": [
    {"service": s, "major": a, "minor": b} for s, a, b in
    [("ctl", 1, 5), ("wds", 1, 12), ("dms", 1, 7), ("nas", 1, 21), ("uim", 1, 4)]]})
r = e['radio']
w('nas-get-serving-system/emulator-e397u-53', {
    "registration": "REGISTERED", "cs": "ATTACHED", "ps": "ATTACHED", "selectedNetwork": "3gpp",
    "radioInterfaces": [r['technology'].upper()], "roaming": r['roaming'], "dataCapabilities": [r['technology']],
    "plmn": {"mcc": str(r['mcc']).zfill(3), "mnc": str(r['mnc']).zfill(2), "description": r['operatorName']},
    "lac": None, "cellId": r['cellId'], "tac": r['tac']})
def unregistered(state):
    return {"registration": state, "cs": "DETACHED", "ps": "DETACHED", "selectedNetwork": "unknown",
            "radioInterfaces": [], "roaming": None, "dataCapabilities": [], "plmn": None, "lac": None,
            "cellId": None, "tac": None}
w('nas-get-serving-system/emulator-no-signal', unregistered("NOT_REGISTERED_SEARCHING"))
w('nas-get-serving-system/emulator-pin-locked', unregistered("NOT_REGISTERED"))
w('nas-get-serving-system/emulator-pin-searching', unregistered("NOT_REGISTERED_SEARCHING"))
lte = lambda v: {"network": "LTE", "value": float(v)}
w('nas-get-signal-strength/emulator-e397u-53', {
    "current": lte(r['rssi']), "other": [], "rssi": [lte(r['rssi'])], "ecio": [], "io": None, "sinr": None,
    "rsrq": lte(r['rsrq']), "snr": lte(r['snr']), "rsrp": lte(r['rsrp'])})
def failure(exit_code, kind, code, name, line, cer=None, cer_name=None, verbose=None, service=None, cid=None):
    return {"exitCode": exit_code, "failure": {"kind": kind, "qmiErrorCode": code, "qmiErrorName": name,
            "callEndReasonCode": cer, "callEndReason": cer_name, "verboseCallEndReason": verbose,
            "service": service, "cid": cid, "errorLine": line}}
w('nas-get-signal-strength/emulator-no-signal', failure("MODEM_ERROR", "PROTOCOL_ERROR", 74, "InformationUnavailable",
    "error: couldn't get signal strength: QMI protocol error (74): 'InformationUnavailable'"))
def card(sim, verified):
    pin1 = "DISABLED" if not sim.get('pinEnabled') else ("ENABLED_VERIFIED" if verified else "ENABLED_NOT_VERIFIED")
    state = "pin1-or-upin-pin-required" if pin1 == "ENABLED_NOT_VERIFIED" else "ready"
    return {"slots": [{"slot": 1, "cardState": "present", "upinState": "NOT_INITIALIZED", "upinRetries": 0,
            "upukRetries": 0, "applications": [{"type": "usim", "state": state, "upinReplacesPin1": False,
            "pin1State": pin1, "pin1Retries": sim.get('pinRetries', 3), "puk1Retries": sim.get('pukRetries', 10),
            "pin2State": "ENABLED_NOT_VERIFIED", "pin2Retries": 3, "puk2Retries": 10}]}]}
w('uim-get-card-status/emulator-e397u-53', card(e['sim'], True))
w('uim-get-card-status/emulator-pin-required', card(S['pin']['sim'], False))
w('wda-get-data-format/emulator-e397u-53-wda-unsupported', failure("MODEM_ERROR", "SERVICE_UNSUPPORTED", 31,
    "InvalidServiceType", "error: couldn't create client for the 'wda' service: QMI protocol error (31): 'InvalidServiceType'",
    service="wda"))
w('wda-get-data-format/emulator-raw-ip', {"qosFlowHeader": False,
    "linkLayer": S['raw-ip']['data']['linkLayer'].upper().replace('-', '_'), "uplinkAggregation": "disabled",
    "downlinkAggregation": "disabled", "ndpSignature": None, "downlinkMaxDatagrams": None, "downlinkMaxSize": None})
v4 = e['data']['ipv4']
w('wds-get-current-settings/emulator-e397u-53', {"ipFamily": "IPv4", "ipv4Address": v4['address'],
    "ipv4SubnetMask": mask(v4['prefix']), "ipv4Prefix": v4['prefix'], "ipv4Gateway": v4['gateway'],
    "ipv4Dns": [v4['dns1'], v4['dns2']], "ipv6Address": None, "ipv6Prefix": None, "ipv6Gateway": None,
    "ipv6GatewayPrefix": None, "ipv6Dns": [], "mtu": v4['mtu'], "domains": []})
v6 = S['raw-ip']['data']['ipv6']
w('wds-get-current-settings/emulator-raw-ip-ipv6', {"ipFamily": "IPv6", "ipv4Address": None, "ipv4SubnetMask": None,
    "ipv4Prefix": None, "ipv4Gateway": None, "ipv4Dns": [], "ipv6Address": v6['address'], "ipv6Prefix": v6['prefix'],
    "ipv6Gateway": v6['gateway'], "ipv6GatewayPrefix": v6['prefix'], "ipv6Dns": [v6['dns1'], v6['dns2']],
    "mtu": S['raw-ip']['data']['ipv4']['mtu'], "domains": []})
w('wds-get-packet-service-status/emulator-e397u-53-connected', {"status": "CONNECTED"})
w('wds-get-packet-service-status/emulator-e397u-53-disconnected', {"status": "DISCONNECTED"})
up = 10  # seconds the session was up on the manual clock (ModemEmulator Packets rates: 10/12 pkt/s, 120/900 B/pkt)
w('wds-get-packet-statistics/emulator-e397u-53-10s-up', {"txPacketsOk": 10 * up, "rxPacketsOk": 12 * up,
    "txPacketsError": 0, "rxPacketsError": 0, "txOverflows": 0, "rxOverflows": 0, "txPacketsDropped": 0,
    "rxPacketsDropped": 0, "txBytesOk": 10 * up * 120, "rxBytesOk": 12 * up * 900,
    "txBytesOkLast": 10 * up * 120, "rxBytesOkLast": 12 * up * 900})
w('wds-start-network/emulator-e397u-53', {"packetDataHandle": HANDLE, "cid": 1})
w('wds-start-network/emulator-raw-ip-ipv6', {"packetDataHandle": HANDLE, "cid": 1})
cf = S['call-failed']['faults'][0]
w('wds-start-network/emulator-call-failed', failure("CALL_FAILED", "CALL_FAILED", 14, "CallFailed",
    "error: couldn't start network: QMI protocol error (14): 'CallFailed'", cf['callEndReason'], "generic-unspecified",
    "[3gpp] option-unsubscribed", cid=1))
w('wds-start-network/emulator-no-signal', failure("CALL_FAILED", "CALL_FAILED", 14, "CallFailed",
    "error: couldn't start network: QMI protocol error (14): 'CallFailed'", 3, "generic-no-service", "[cm] no-service",
    cid=1))
w('wds-start-network/emulator-cid-limit', failure("MODEM_ERROR", "CLIENT_IDS_EXHAUSTED", 5, "ClientIdsExhausted",
    "error: couldn't create client for the 'wds' service: QMI protocol error (5): 'ClientIdsExhausted'", service="wds"))
ack = lambda text, cid=None: {"confirmation": text, "cidNotReleased": cid}
w('dms-noop/emulator-e397u-53-no-release', ack(None, 1))
w('dms-set-operating-mode/emulator-raw-ip-low-power', ack("Operating mode set successfully"))
w('uim-verify-pin/emulator-pin', ack("PIN verified successfully"))
w('uim-verify-pin/emulator-pin-incorrect', failure("SIM_ERROR", "SIM", 12, "IncorrectPin",
    "error: couldn't verify PIN: QMI protocol error (12): 'IncorrectPin'"))
w('wda-set-data-format/emulator-raw-ip-to-802-3', ack("Successfully set data format"))
w('wds-noop/emulator-call-failed-release', ack(None))
w('wds-stop-network/emulator-e397u-53', ack("Network stopped"))
w('uim-get-card-status/emulator-no-sim', {"slots": [{"slot": 1, "cardState": "absent", "upinState": "NOT_INITIALIZED",
    "upinRetries": 0, "upukRetries": 0, "applications": []}]})
w('dms-get-ids/emulator-no-answer', failure("MODEM_ERROR", "TRANSACTION_TIMEOUT", None, None,
    "error: couldn't create client for the 'dms' service: CID allocation failed in the CTL client: Transaction timed out"))
