package dev.redisdb.readme;

import java.util.Map;

import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.TurnContext;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The README's request turn, compiled and run by {@link ReadmeExamplesIntegrationTests}.
 */
// tag::turn-controller[]
@RestController
class TurnController {

    private final RedisUserStore store;

    TurnController(RedisUserStore store) {
        this.store = store;
    }

    @PostMapping("/turn")
    Map<String, Object> turn(@RequestBody TurnRequest request) {
        StoredUser user = store.load(request.userId(), TurnContext.ofSession(request.sessionId()));  // one MGET
        int visits = user.data().get("visits", Integer.class, 0) + 1;   // typed, whatever JSON gave back
        user.data().put("visits", visits);                              // user data, kept for months
        user.session().data().put("step", "asked-name");                // session data, until it expires
        String speech = user.isNew() ? "Welcome!" : "Welcome back, visit " + visits + ".";
        user.currentTurn().put("output", speech);                       // becomes the newest history item
        store.save(user);                                               // one round trip, all entries atomically
        return Map.of("speech", speech);
    }

    record TurnRequest(String userId, String sessionId) {
    }

}
// end::turn-controller[]
