package dev.redisdb.autoconfigure.asksdk;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.amazon.ask.attributes.persistence.PersistenceAdapter;
import com.amazon.ask.exception.PersistenceException;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.Session;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.TurnContext;

import org.springframework.dao.DataAccessException;
import org.springframework.util.Assert;

/**
 * Persistent attributes of an ASK SDK skill in the user store, in Jovo's format: the attributes are the user's
 * {@code user.data}, so a Jovo app (or any code using {@link RedisUserStore}) and the skill share one user's data.
 * The store's {@code KeyStrategy}, {@code ValueCodec} and entries apply unchanged.
 * <ul>
 * <li>{@link #getAttributes} loads the user: empty for a user never stored, as the DynamoDB adapter answers, so that
 * {@code AttributesManager} starts from an empty map.</li>
 * <li>{@link #saveAttributes} loads the user again (to keep {@code createdAt}, other entries and fields other tools
 * wrote), replaces its user data by the attributes and saves: one round trip for the write. Last write wins, as with
 * the DynamoDB adapter; a skill whose turns of one user may overlap and must not lose a change calls
 * {@link RedisUserStore#update} itself.</li>
 * <li>{@link #deleteAttributes} deletes the user's entry keys, as the {@code KeyStrategy} makes them for the
 * envelope.</li>
 * </ul>
 * The id comes from the request envelope through a function such as {@link AskSdkIds#userId()}; the envelope's
 * session id reaches the store's {@code KeyStrategy} as the {@link TurnContext}. Failures are
 * {@link PersistenceException}s: a missing id, or a store failure (then wrapping the store's
 * {@link DataAccessException} or {@link IllegalArgumentException}, with its message, which never holds a password or
 * a stored value).
 *
 * @since 0.2.0
 */
public final class RedisPersistenceAdapter implements PersistenceAdapter {

	private final RedisUserStore store;

	private final Function<RequestEnvelope, String> id;

	/**
	 * An adapter storing attributes under the Alexa user id ({@link AskSdkIds#userId()}).
	 * @param store the store
	 */
	public RedisPersistenceAdapter(RedisUserStore store) {
		this(store, AskSdkIds.userId());
	}

	/**
	 * @param store the store
	 * @param id gives the id to store a request's attributes under, such as {@link AskSdkIds#deviceId()} or the
	 * DynamoDB adapter's {@code PartitionKeyGenerators.personId()}; it may throw {@link PersistenceException}
	 */
	public RedisPersistenceAdapter(RedisUserStore store, Function<RequestEnvelope, String> id) {
		Assert.notNull(store, "store must not be null");
		Assert.notNull(id, "id must not be null");
		this.store = store;
		this.id = id;
	}

	/**
	 * @param envelope the request envelope
	 * @return the user's data, mutable; empty when nothing is stored for the id
	 * @throws PersistenceException when the envelope has no id or the store fails
	 */
	@Override
	public Optional<Map<String, Object>> getAttributes(RequestEnvelope envelope) throws PersistenceException {
		StoredUser user = load(envelope, "read");
		return user.isNew() ? Optional.empty() : Optional.of(user.data());
	}

	/**
	 * @param envelope the request envelope
	 * @param attributes the attributes, which replace the user's data
	 * @throws PersistenceException when the attributes are null, the envelope has no id or the store fails; nothing
	 * is written then
	 */
	@Override
	public void saveAttributes(RequestEnvelope envelope, Map<String, Object> attributes) throws PersistenceException {
		if (attributes == null) {
			throw new PersistenceException("Cannot save persistent attributes: they are null (to erase them, call "
					+ "deletePersistentAttributes)");
		}
		StoredUser user = load(envelope, "save");
		user.data().clear();
		user.data().putAll(attributes);
		try {
			this.store.save(user);
		}
		catch (DataAccessException | IllegalArgumentException ex) {
			throw failed("save", ex);
		}
	}

	/**
	 * @param envelope the request envelope
	 * @throws PersistenceException when the envelope has no id or the store fails
	 */
	@Override
	public void deleteAttributes(RequestEnvelope envelope) throws PersistenceException {
		String userId = idOf(envelope);
		try {
			this.store.delete(userId, contextOf(envelope));
		}
		catch (DataAccessException | IllegalArgumentException ex) {
			throw failed("delete", ex);
		}
	}

	private StoredUser load(RequestEnvelope envelope, String action) {
		String userId = idOf(envelope);
		try {
			return this.store.load(userId, contextOf(envelope));
		}
		catch (DataAccessException | IllegalArgumentException ex) {
			throw failed(action, ex);
		}
	}

	private String idOf(RequestEnvelope envelope) {
		String userId = this.id.apply(envelope);
		if (userId == null || userId.isEmpty()) {
			throw new PersistenceException("Cannot key persistent attributes: the id function gave no id for this "
					+ "request envelope");
		}
		return userId;
	}

	private static TurnContext contextOf(RequestEnvelope envelope) {
		Session session = envelope.getSession();
		return TurnContext.ofSession((session != null) ? session.getSessionId() : null);
	}

	private static PersistenceException failed(String action, RuntimeException ex) {
		return new PersistenceException("Cannot " + action + " persistent attributes: " + ex.getMessage(), ex);
	}

}
