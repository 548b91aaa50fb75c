package org.winterwatch.coordinator.http;

import static org.winterwatch.coordinator.http.HttpAnswers.error;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.BiConsumer;

/** Who may call an endpoint, and who called it (for the audit trail). */
final class Access {

    private Access() {
    }

    /** Runs {@code then} when the authenticated token's role is one of {@code roles}; else answers 403. */
    static void allow(RoutingContext ctx, Set<Role> roles, BiConsumer<RoutingContext, AccessTokens.Grant> then) {
        AccessTokens.Grant grant = ctx.get("grant");
        if (!roles.contains(grant.role())) {
            error(ctx, 403, "role " + grant.role().wireName() + " may not " + ctx.request().method() + " " + ctx.request().path());
            return;
        }
        then.accept(ctx, grant);
    }

    /** Who made the request, for the audit: role, team, and the first 8 characters of the token's hash. */
    static String actor(RoutingContext ctx, AccessTokens.Grant grant) {
        return grant.role().wireName() + (grant.teamId() == null ? "" : " " + grant.teamId()) + " token "
                + ctx.get("tokenId");
    }
}
