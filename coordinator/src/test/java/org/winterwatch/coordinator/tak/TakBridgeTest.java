package org.winterwatch.coordinator.tak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Dispatch;
import org.winterwatch.alerts.book.Outcome;
import org.winterwatch.alerts.book.Priority;

/** Alerts reach a TAK endpoint as Cursor-on-Target events, over real UDP and TCP sockets on loopback. */
class TakBridgeTest {

    private static final Instant NOW = Instant.parse("2026-01-05T19:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Alert alert(AlertState state, Dispatch dispatch) {
        return alert("a-1", state, dispatch);
    }

    private static Alert alert(String alertId, AlertState state, Dispatch dispatch) {
        return new Alert.Builder().alertId(alertId).state(state).priority(Priority.CRITICAL).siteId("br-01")
                .siteName("Xingyun Bridge <east> & \"deck\"").category("bridge").lat(40.0905242).lon(113.3392072)
                .detectionIds(List.of("d-1")).sources(List.of("drone-1")).firstSeen(NOW).lastSeen(NOW).ambientTempC(-18.0)
                .teamId("team-centre").version(3).updatedAt(NOW).confidence(0.9).reasons(List.of("ambient -18.0 C"))
                .dispatch(dispatch).outcome(state == AlertState.RESOLVED ? Outcome.ON_SITE_AID : null).build();
    }

    private static Element parse(String xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement();
    }

    @Test
    void anAlertIsACotEventWithPointTimesAndRemarks() throws Exception {
        Element event = parse(CotEvent.xml(alert(AlertState.OPEN, Dispatch.TEAM), NOW));

        assertThat(event.getAttribute("uid")).isEqualTo("winterwatch-a-1");
        assertThat(event.getAttribute("type")).isEqualTo("b-r-f-h-c");
        assertThat(event.getAttribute("time")).isEqualTo(NOW.toString());
        assertThat(event.getAttribute("stale")).isEqualTo(NOW.plus(CotEvent.STALE_AFTER).toString());
        Element point = (Element) event.getElementsByTagName("point").item(0);
        assertThat(Double.parseDouble(point.getAttribute("lat"))).isEqualTo(40.0905242);
        assertThat(Double.parseDouble(point.getAttribute("lon"))).isEqualTo(113.3392072);
        Element contact = (Element) event.getElementsByTagName("contact").item(0);
        assertThat(contact.getAttribute("callsign")).isEqualTo("WW CRITICAL Xingyun Bridge <east> & \"deck\"");
        assertThat(event.getElementsByTagName("remarks").item(0).getTextContent()).contains("team-centre").contains("ambient -18.0 C");
    }

    @Test
    void aResolvedAlertGoesStaleAtOnceSoItLeavesTheMap() throws Exception {
        Element event = parse(CotEvent.xml(alert(AlertState.RESOLVED, Dispatch.TEAM), NOW));

        assertThat(event.getAttribute("stale")).isEqualTo(NOW.toString());
        assertThat(event.getElementsByTagName("remarks").item(0).getTextContent()).contains("Outcome: on_site_aid");
    }

    @Test
    void teamAlertsArriveOverUdpAndAlertsUnderReviewDoNot() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             TakBridge tak = new TakBridge("udp://127.0.0.1:" + receiver.getLocalPort(), clock)) {
            receiver.setSoTimeout(10_000);

            // One sender thread keeps the order, so everything offered before the last team alert
            // has arrived (or been dropped by the filter) once that alert is in.
            tak.offer(alert("a-review-1", AlertState.OPEN, Dispatch.REVIEW));
            tak.offer(alert("a-team-1", AlertState.OPEN, Dispatch.TEAM));
            tak.offer(alert("a-review-2", AlertState.OPEN, Dispatch.REVIEW));
            tak.offer(alert("a-team-2", AlertState.OPEN, Dispatch.TEAM));

            List<String> uids = new ArrayList<>();
            while (!uids.contains("winterwatch-a-team-2")) {
                DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
                receiver.receive(packet);
                uids.add(parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)).getAttribute("uid"));
            }
            assertThat(uids).containsExactly("winterwatch-a-team-1", "winterwatch-a-team-2");
        }
    }

    @Test
    void teamAlertsArriveOverTcpOneEventPerLine() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TakBridge tak = new TakBridge("tcp://127.0.0.1:" + server.getLocalPort(), clock)) {
            server.setSoTimeout(10_000);

            tak.offer(alert(AlertState.OPEN, Dispatch.TEAM));
            tak.offer(alert(AlertState.RESOLVED, Dispatch.TEAM));

            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                BufferedReader lines = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
                assertThat(parse(lines.readLine()).getAttribute("stale")).isEqualTo(NOW.plus(CotEvent.STALE_AFTER).toString());
                assertThat(parse(lines.readLine()).getAttribute("stale")).isEqualTo(NOW.toString());
            }
        }
    }

    @Test
    void aBadTakUrlIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> new TakBridge("http://example:80", clock))
                .hasMessageContaining("expected udp://HOST:PORT or tcp://HOST:PORT");
    }
}
