package org.stockalerts.api.live;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A client that reads everything at once: records the ids of the events written to it, and the end. */
class RecordingEmitter extends SseEmitter {

    private static final Pattern ID = Pattern.compile("(?m)^id:(.+)$");

    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicBoolean completed = new AtomicBoolean();

    @Override
    public void send(SseEventBuilder event) throws IOException {
        for (DataWithMediaType part : event.build()) {
            Matcher id = ID.matcher(part.getData().toString());
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
    }

    @Override
    public synchronized void complete() {
        completed.set(true);
        super.complete();
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    boolean completed() {
        return completed.get();
    }
}
