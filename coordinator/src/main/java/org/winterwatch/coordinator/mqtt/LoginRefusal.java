package org.winterwatch.coordinator.mqtt;

import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;

/**
 * A broker's refusal of a client's login (the CONNACK reason codes of MQTT 5 §3.2.2.2 about who the client is), told
 * apart from a broker that cannot be reached: trying again with the same credentials cannot help, so it is said once,
 * plainly, instead of hiding in a reconnect loop.
 */
public enum LoginRefusal {
    BAD_USER_NAME_OR_PASSWORD("bad user name or password"),
    NOT_AUTHORISED("not authorised"),
    BANNED("banned"),
    BAD_AUTHENTICATION_METHOD("bad authentication method");

    private final String text;

    LoginRefusal(String text) {
        this.text = text;
    }

    /** The refusal behind a failed connect, if that is what it was. */
    public static Optional<LoginRefusal> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MqttException e) {
                switch (e.getReasonCode()) {
                    case MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD:
                        return Optional.of(BAD_USER_NAME_OR_PASSWORD);
                    case MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED:
                        return Optional.of(NOT_AUTHORISED);
                    case MqttReturnCode.RETURN_CODE_BANNED:
                        return Optional.of(BANNED);
                    case MqttReturnCode.RETURN_CODE_BAD_AUTHENTICATION:
                        return Optional.of(BAD_AUTHENTICATION_METHOD);
                    default:
                        break;
                }
            }
        }
        return Optional.empty();
    }

    /** What health shows beside the broker: "not authorised" for every kind of refusal, as operators look for it. */
    public static final String HEALTH_DETAIL = "not authorised";

    /** One line for a person: which broker refused which user, why, and what to check. */
    public String explain(String brokerUrl, String user) {
        return "the MQTT broker at " + brokerUrl + " refused the login" + (user == null ? " of an anonymous client"
                : " of user '" + user + "'") + ": " + text + " (check --mqtt-user and --mqtt-password-file or "
                + "WW_MQTT_PASSWORD, and the broker's password file and ACL)";
    }

    @Override
    public String toString() {
        return text;
    }
}
