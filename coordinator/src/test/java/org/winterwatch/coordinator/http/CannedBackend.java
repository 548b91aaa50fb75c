package org.winterwatch.coordinator.http;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A backend that answers only the calls a test names; any other call fails the request. A proxy rather than a class,
 * so that it needs no change when the backend gains or changes methods the test never reaches.
 */
final class CannedBackend {

    private CannedBackend() {
    }

    /** @param answers by method name: what the call returns (a call of the callable, so that it may throw) */
    static HttpBackend answering(Map<String, Callable<Object>> answers) {
        return (HttpBackend) Proxy.newProxyInstance(HttpBackend.class.getClassLoader(), new Class<?>[] {HttpBackend.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "canned backend " + answers.keySet();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        Callable<Object> answer = answers.get(method.getName());
                        if (answer == null) {
                            throw new UnsupportedOperationException(method.getName() + " is not used by this test");
                        }
                        yield answer.call();
                    }
                });
    }
}
