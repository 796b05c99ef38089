package org.pastoralflow.workflow.dryrun;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the application answered on one recorded path, handed out again as a replay of it asks: the variables a
 * service task's delegate set at its n-th call, and a bean's answer to the same question (the same method with the
 * same arguments, else the same method asked at the same activity, else the same method at all), each recorded
 * answer given once in order and the last one again after that. A question the path never asked gets a neutral
 * answer of the method's type.
 */
final class Playback {

    private final Journey journey;
    private final Map<String, Integer> callsAt = new HashMap<>();
    private final boolean[] answered;

    Playback(Journey journey) {
        this.journey = journey;
        this.answered = new boolean[journey.beanCalls().size()];
    }

    /** The variables the path's delegate set at this activity the n-th time it ran there; none for a task the path never ran. */
    Map<String, Object> serviceCall(String activityId) {
        int n = callsAt.merge(activityId, 1, Integer::sum);
        List<Journey.ServiceCall> calls = journey.serviceCalls().stream().filter(c -> c.activityId().equals(activityId)).toList();
        if (calls.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        calls.get(Math.min(n, calls.size()) - 1).variables().forEach((name, value) -> variables.put(name, value.toJava()));
        return variables;
    }

    /** The recorded answer of {@code bean.method(args)} asked at {@code activityId}, or {@code neutral} when the path never asked it. */
    Object answer(String bean, String method, Object[] args, String activityId, Object neutral) {
        List<RecordedValue> asked = recorded(args);
        int best = -1;
        for (int i = 0; i < answered.length; i++) {
            Journey.BeanCall call = journey.beanCalls().get(i);
            if (call.bean().equals(bean) && call.method().equals(method)
                    && (best < 0 || better(i, best, asked, activityId))) {
                best = i;
            }
        }
        if (best < 0) {
            return neutral;
        }
        answered[best] = true;
        return journey.beanCalls().get(best).result().toJava();
    }

    /** Closer question first; then one not answered yet (the earliest), else the last answered. */
    private boolean better(int i, int j, List<RecordedValue> asked, String activityId) {
        int si = score(journey.beanCalls().get(i), asked, activityId);
        int sj = score(journey.beanCalls().get(j), asked, activityId);
        if (si != sj) {
            return si > sj;
        }
        if (answered[i] != answered[j]) {
            return !answered[i];
        }
        return answered[i] && i > j;
    }

    private static int score(Journey.BeanCall call, List<RecordedValue> asked, String activityId) {
        return (call.args().equals(asked) ? 2 : 0) + (activityId != null && activityId.equals(call.activityId()) ? 1 : 0);
    }

    private static List<RecordedValue> recorded(Object[] args) {
        List<RecordedValue> values = new ArrayList<>();
        for (Object a : args == null ? new Object[0] : args) {
            try {
                values.add(RecordedValue.of(a));
            } catch (IllegalArgumentException notRecordable) {
                return null;
            }
        }
        return values;
    }
}
