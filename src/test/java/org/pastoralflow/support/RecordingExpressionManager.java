package org.pastoralflow.support;

import java.beans.FeatureDescriptor;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.pastoralflow.workflow.dryrun.ExpressionScope;

/**
 * The process tests' expression manager ({@link MockExpressionManager}: beans come from {@code Mocks}) that also
 * tells the {@link JourneyRecorder} which beans an instance's expressions named and what each method asked of a
 * bean answered (a due date, the students of a mediation), so that the dry run can answer the same.
 */
final class RecordingExpressionManager extends MockExpressionManager {

    private final JourneyRecorder recorder;

    RecordingExpressionManager(JourneyRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    protected ELResolver createElResolver() {
        return new Recording(super.createElResolver());
    }

    private final class Recording extends ELResolver {
        private final ELResolver resolver;
        /** the mocks resolved so far, to tell a call on a bean from a call on any other value */
        private final Map<Object, String> beans = new IdentityHashMap<>();

        Recording(ELResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            Object value = resolver.getValue(context, base, property);
            if (base == null && property instanceof String name && context.isPropertyResolved() && value != null
                    && Mocks.get(name) == value && !isVariable(context, name)) {
                synchronized (beans) {
                    beans.put(value, name);
                }
                recorder.beanUsed(ExpressionScope.processInstanceId(context), name);
                if (value instanceof JavaDelegate delegate) {
                    return recorded(delegate);
                }
            } else if (base != null && property instanceof String name && beanName(base) != null) {
                recorder.beanCall(ExpressionScope.processInstanceId(context), ExpressionScope.activityId(context), beanName(base), name, null, value);
            }
            return value;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            Object value = resolver.invoke(context, base, method, paramTypes, params);
            String bean = beanName(base);
            if (bean != null && context.isPropertyResolved()) {
                recorder.beanCall(ExpressionScope.processInstanceId(context), ExpressionScope.activityId(context), bean, String.valueOf(method), params, value);
            }
            return value;
        }

        /** The delegate, telling the recorder which variables its call changed. */
        private JavaDelegate recorded(JavaDelegate delegate) {
            return execution -> {
                String pi = execution.getProcessInstanceId();
                Map<String, Object> before = new HashMap<>(execution.getVariables());
                recorder.inDelegate(pi, true);
                try {
                    delegate.execute(execution);
                } finally {
                    recorder.inDelegate(pi, false);
                }
                Map<String, Object> changed = new TreeMap<>();
                execution.getVariables().forEach((name, value) -> {
                    if (!before.containsKey(name) || !Objects.equals(before.get(name), value)) {
                        changed.put(name, value);
                    }
                });
                recorder.serviceCall(pi, execution.getCurrentActivityId(), changed);
            };
        }

        private String beanName(Object base) {
            synchronized (beans) {
                return base == null ? null : beans.get(base);
            }
        }

        private static boolean isVariable(ELContext context, String name) {
            return context.getContext(VariableScope.class) instanceof VariableScope scope && scope.hasVariable(name);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return resolver.getType(context, base, property);
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            resolver.setValue(context, base, property, value);
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return resolver.isReadOnly(context, base, property);
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return resolver.getFeatureDescriptors(context, base);
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return resolver.getCommonPropertyType(context, base);
        }
    }
}
