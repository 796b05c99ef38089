package org.pastoralflow.workflow.dryrun;

import java.beans.FeatureDescriptor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * The throwaway engine's application beans: every name an expression may use for one of the application's beans
 * resolves to a {@link StandIn} that answers from the recorded path ({@link Playback}) and never reaches the real
 * bean, so a dry run reads and writes nothing of the school's. Process variables are resolved before these, as
 * in the application.
 */
final class StandIns extends ELResolver {

    /** A bean as the model sees it: a delegate that records the call, or a target for method calls answered from the path. */
    record StandIn(String name, StandIns owner) implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(owner.playback.serviceCall(execution.getCurrentActivityId()));
        }
    }

    private final Predicate<String> names;
    private final Function<String, Class<?>> beanTypes;
    private Playback playback;

    /**
     * {@code names}: whether a name is one of the application's beans; {@code beanTypes}: the class of such a bean
     * (for a neutral answer), or null when unknown.
     */
    StandIns(Predicate<String> names, Function<String, Class<?>> beanTypes) {
        this.names = names;
        this.beanTypes = beanTypes;
    }

    void play(Playback path) {
        this.playback = path;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null && property instanceof String name && names.test(name)) {
            context.setPropertyResolved(true);
            return new StandIn(name, this);
        }
        if (base instanceof StandIn bean && property instanceof String name) {
            context.setPropertyResolved(true);
            return playback.answer(bean.name(), name, new Object[0], ExpressionScope.activityId(context), neutral(bean.name(), name, 0));
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base instanceof StandIn bean && method != null) {
            context.setPropertyResolved(true);
            String name = method.toString();
            return playback.answer(bean.name(), name, params, ExpressionScope.activityId(context),
                    neutral(bean.name(), name, params == null ? 0 : params.length));
        }
        return null;
    }

    /**
     * What a bean's method answers when the recorded path never asked it (the changed model asks something new):
     * an empty list, a date a day on (a deadline not yet passed), an empty text, false or nothing, by the method's type.
     */
    private Object neutral(String bean, String method, int arity) {
        Class<?> type = beanTypes.apply(bean);
        if (type == null) {
            return null;
        }
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == arity) {
                Class<?> r = m.getReturnType();
                if (Collection.class.isAssignableFrom(r)) {
                    return List.of();
                }
                // a day on by the engine's clock, as the application's engine sees it
                Instant tomorrow = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
                if (Date.class.isAssignableFrom(r)) {
                    return Date.from(tomorrow);
                }
                if (r == LocalDate.class) {
                    return LocalDate.ofInstant(tomorrow, ZoneOffset.UTC);
                }
                if (r == String.class) {
                    return "";
                }
                if (r == boolean.class || r == Boolean.class) {
                    return false;
                }
                if (r == int.class || r == Integer.class) {
                    return 0;
                }
                if (r == long.class || r == Long.class) {
                    return 0L;
                }
                return null;
            }
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base instanceof StandIn || (base == null && property instanceof String name && names.test(name))) {
            throw new PropertyNotWritableException("a model sets nothing on the application's beans");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
