package org.jijinan;

import java.lang.ref.WeakReference;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

/**
 * Writes an event's JSON once for all of its publications. Spring Modulith stores one publication per listener and
 * asks for the event's JSON for each: a help request's event went through Jackson three times in the request's
 * transaction (5 % of its CPU). Events are immutable records, so the same instance always has the same JSON; the
 * JSON is Boot's mapper's, as Modulith's own serializer writes and reads it.
 */
@Component
class EventSerialization implements EventSerializer {

	private final JsonMapper mapper;

	/**
	 * The last event this thread serialised (held weakly) with its JSON: the publications of one event are stored
	 * one after another on the publishing thread.
	 */
	private final ThreadLocal<Serialised> last = new ThreadLocal<>();

	EventSerialization(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Object serialize(Object event) {
		Serialised previous = last.get();
		if (previous != null && previous.event().get() == event) {
			return previous.json();
		}
		String json = mapper.writeValueAsString(event);
		last.set(new Serialised(new WeakReference<>(event), json));
		return json;
	}

	@Override
	public <T> T deserialize(Object serialised, Class<T> type) {
		return mapper.readerFor(type).readValue(serialised.toString());
	}

	private record Serialised(WeakReference<Object> event, String json) {
	}

}
