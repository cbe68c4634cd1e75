package org.tanghulu.catalog.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.DefinitionException;
import org.tanghulu.api.Department;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.FunctionGroupProvider;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.CatalogNeed;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.GroupExtension;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.DepartmentRecord;
import org.tanghulu.catalog.DepartmentState;
import org.tanghulu.catalog.DepartmentStatus;
import org.tanghulu.catalog.ExtensionStatus;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.NeedStatus;
import org.tanghulu.catalog.plan.Planner;
import org.tanghulu.catalog.MatterEntry;
import org.tanghulu.catalog.Registry;
import org.tanghulu.catalog.Outcome;
import org.tanghulu.catalog.internal.store.DepartmentStore;
import org.tanghulu.catalog.DepartmentGateway;

/**
 * Tracks {@link Department} and {@link FunctionGroupProvider} services as they come and
 * go. Binding only notes a service; reading and checking its definitions happens on one
 * coordination thread (so checks see a consistent set of accepted departments), and
 * department code runs only through the {@link GuardedCaller}.
 */
@Component(configurationPid = "org.tanghulu.core", service = {Registry.class, DepartmentGateway.class})
@Designate(ocd = CallConfig.class)
public class Coordinator implements Registry, DepartmentGateway {

    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

    /** Counts the changes of {@link #departments} and {@link #groups}; what is derived from them is kept until the next. */
    private final Generation generation = new Generation();
    /** Present departments by service id. */
    private final Map<Long, DepartmentStatus> departments = generation.map();
    /** The misspelt keys of their definitions, by service id: a recheck (after a neighbour left) refuses them again. */
    private final Map<Long, List<String>> misspelt = new ConcurrentHashMap<>();
    /** Their services, by service id. */
    private final Map<Long, Department> services = new ConcurrentHashMap<>();
    /** Present function-group contributions by service id, as written. */
    private final Map<Long, List<FunctionGroupStatus>> groups = generation.map();
    /** Present catalog needs by service id. */
    private final Map<Long, List<NeedStatus>> needs = new ConcurrentHashMap<>();
    /** Present group extensions by service id, as checked on arrival (refused or waiting). */
    private final Map<Long, List<ExtensionStatus>> extensions = new ConcurrentHashMap<>();
    /** The clear groups as new cases run them, with the extensions that apply, by id; see {@link #refreshGroups}. */
    private volatile Map<String, FunctionGroupStatus> extendedGroups = Map.of();
    /** Versions of extended groups by group, base version and applied extensions, as the database allocated them. */
    private final Map<String, Integer> editions = new ConcurrentHashMap<>();
    /** Every present extension with whether it applies now. */
    private volatile List<ExtensionStatus> extensionVerdicts = List.of();
    /** {@link #functionGroups()} and {@link #active()}, computed again only after a change (issue 13). */
    private final Supplier<List<FunctionGroupStatus>> functionGroups = generation.cached(this::currentFunctionGroups);
    private final Supplier<Map<String, DepartmentDefinition>> active = generation.cached(this::currentActive);

    /** Departments' and providers' reader: unknown keys are reported with the checker's problems, all in one pass. */
    private final JsonDefinitionReader reader = new JsonDefinitionReader(true);
    private final Object lifecycle = new Object();
    private final List<Runnable> beforeActivation = new ArrayList<>();
    private ExecutorService coordination;
    private GuardedCaller guarded;
    private DefinitionChecker checker;
    private Map<String, DataElement> dictionary;
    private Bundle framework;

    private volatile DepartmentStore store;

    @Activate
    void activate(BundleContext context, CallConfig config) throws DefinitionException {
        this.framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        List<DataElement> dictionary = List.of(new JsonDefinitionReader().read(getClass().getResource("/dictionary.json"),
                DataElement[].class));
        List<String> problems = DefinitionChecker.checkDictionary(dictionary);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The shared data-element dictionary is not clear: " + problems);
        }
        checker = new DefinitionChecker(dictionary);
        this.dictionary = dictionary.stream().collect(Collectors.toUnmodifiableMap(DataElement::id, Function.identity()));
        guarded = new GuardedCaller(config.callsPerDepartment(), Duration.ofMillis(config.callTimeoutMillis()));
        synchronized (lifecycle) {
            coordination = Executors.newSingleThreadExecutor(r -> new Thread(r, "tanghulu-coordination"));
            beforeActivation.forEach(coordination::execute);
            beforeActivation.clear();
        }
        LOG.info("Tanghulu catalog started; shared dictionary has {} data elements", dictionary.size());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (lifecycle) {
            coordination.shutdownNow();
            coordination.awaitTermination(5, TimeUnit.SECONDS);
            coordination = null;
        }
        guarded.close();
    }

    private void coordinate(Runnable task) {
        Runnable safe = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Coordination task failed", e);
            }
        };
        synchronized (lifecycle) {
            if (coordination == null) {
                beforeActivation.add(safe);
            } else {
                coordination.execute(safe);
            }
        }
    }

    /** The database may come later than the departments (or go and come back): record what is present. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(DepartmentStore s) {
        store = s;
        coordinate(() -> {
            departments.forEach((sid, d) -> {
                if (d.state() != DepartmentState.LOADING) {
                    record(sid, d);
                }
            });
            refreshGroups();
        });
    }

    void unbindStore(DepartmentStore s) {
        if (store == s) {
            store = null;
        }
    }

    // --- departments -------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDepartment(ServiceReference<Department> ref, Department department) {
        long sid = serviceId(ref);
        Object idProperty = ref.getProperty(Department.ID);
        String id = idProperty == null ? "(no " + Department.ID + ", " + bundleOf(ref) + ")" : idProperty.toString();
        services.put(sid, department);
        departments.put(sid, new DepartmentStatus(id, new LocalizedText(id, id), DepartmentState.LOADING, List.of(),
                bundleOf(ref), Instant.now(), null, 0));
        LOG.info("Department '{}' arrived from {}", id, bundleOf(ref));
        coordinate(() -> admit(sid, idProperty == null, department));
    }

    void removeDepartment(ServiceReference<Department> ref) {
        services.remove(serviceId(ref));
        misspelt.remove(serviceId(ref));
        DepartmentStatus gone = departments.remove(serviceId(ref));
        if (gone == null) {
            return;
        }
        LOG.info("Department '{}' left", gone.id());
        if (framework.getState() == Bundle.STOPPING) {
            return; // the platform is shutting down: the department has not been removed
        }
        coordinate(() -> {
            if (gone.state() == DepartmentState.ACTIVE || departments.values().stream().noneMatch(d -> d.id().equals(gone.id()))) {
                persist(s -> s.markAbsent(gone.id()));
            }
            recheckRefused();
            refreshGroups();
        });
    }

    private void admit(long sid, boolean missingId, Department department) {
        DepartmentStatus arrived = departments.get(sid);
        if (arrived == null) {
            return; // left before we got to it
        }
        String id = arrived.id();
        Outcome<DepartmentDefinition> read = guarded.call(id, "definition()", () -> department.definition(reader));
        DepartmentDefinition definition = read.value();
        List<String> problems = new ArrayList<>();
        if (missingId) {
            problems.add("the service has no '" + Department.ID + "' property");
        }
        if (read.failed()) {
            problems.add(read.failure());
        } else {
            misspelt.put(sid, reader.unknown(definition));
            problems.addAll(reader.locate(definition, judge(sid, id, definition)));
        }
        update(sid, arrived, definition, problems, read.failed() ? 1 : 0);
    }

    /** The problems of a definition given what is accepted now; called on the coordination thread only. */
    private List<String> judge(long sid, String id, DepartmentDefinition definition) {
        List<String> problems = new ArrayList<>(misspelt.getOrDefault(sid, List.of()));
        if (!id.equals(definition.id())) {
            problems.add("the definition's id '" + definition.id() + "' differs from the service property "
                    + Department.ID + "='" + id + "'");
        }
        departments.entrySet().stream()
                .filter(e -> e.getKey() != sid && e.getValue().id().equals(id) && e.getValue().state() == DepartmentState.ACTIVE)
                .findAny()
                .ifPresent(e -> problems.add("department id '" + id + "' is already provided by " + e.getValue().bundle()));
        List<DepartmentDefinition> accepted = departments.entrySet().stream()
                .filter(e -> e.getKey() != sid && e.getValue().state() == DepartmentState.ACTIVE)
                .map(e -> e.getValue().definition())
                .toList();
        problems.addAll(checker.check(definition, accepted));
        return problems;
    }

    private void update(long sid, DepartmentStatus before, DepartmentDefinition definition, List<String> problems,
            int newFailures) {
        DepartmentState state = problems.isEmpty() ? DepartmentState.ACTIVE : DepartmentState.REFUSED;
        LocalizedText name = definition != null && definition.name() != null && definition.name().isPresent()
                ? definition.name() : before.name();
        DepartmentStatus after = new DepartmentStatus(before.id(), name, state, problems, before.bundle(), Instant.now(),
                definition, before.failures() + newFailures);
        if (departments.replace(sid, before, after)) {
            if (state == DepartmentState.ACTIVE) {
                LOG.info("Department '{}' accepted with {} matter(s)", after.id(), definition.matters().size());
            } else {
                LOG.warn("Department '{}' refused: {}", after.id(), String.join("; ", problems));
            }
            record(sid, after);
            refreshGroups();
        }
    }

    /** Saves a department's state, unless it is a refused second holder of an active department's id. */
    private void record(long sid, DepartmentStatus status) {
        boolean shadowed = departments.entrySet().stream().anyMatch(e -> e.getKey() != sid
                && e.getValue().id().equals(status.id()) && e.getValue().state() == DepartmentState.ACTIVE);
        if (!shadowed) {
            persist(s -> s.save(status));
        }
    }

    /** A departure may clear a neighbour's refusal (a duplicate id, a cycle through the leaver). */
    private void recheckRefused() {
        departments.forEach((sid, status) -> {
            if (status.state() == DepartmentState.REFUSED && status.definition() != null) {
                List<String> problems = judge(sid, status.id(), status.definition());
                if (problems.isEmpty()) {
                    update(sid, status, status.definition(), problems, 0);
                }
            }
        });
    }

    // --- function groups, needs and extensions ----------------------------------

    /** What one {@link FunctionGroupProvider} contributes. */
    private record Contribution(List<FunctionGroup> groups, List<CatalogNeed> needs, List<GroupExtension> extensions) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFunctionGroupProvider(ServiceReference<FunctionGroupProvider> ref, FunctionGroupProvider provider) {
        long sid = serviceId(ref);
        String bundle = bundleOf(ref);
        coordinate(() -> {
            Outcome<Contribution> read = guarded.call(bundle, "functionGroups()", () -> new Contribution(
                    provider.functionGroups(reader), provider.needs(reader), provider.extensions(reader)));
            List<FunctionGroupStatus> statuses = new ArrayList<>();
            List<NeedStatus> needStatuses = new ArrayList<>();
            List<ExtensionStatus> extensionStatuses = new ArrayList<>();
            if (read.failed()) {
                LOG.warn("Function groups of {} refused: {}", bundle, read.failure());
                statuses.add(new FunctionGroupStatus(new FunctionGroup("(unreadable)", 0, null, null, null, null), bundle,
                        List.of(read.failure()), List.of()));
            } else {
                for (FunctionGroup g : read.value().groups()) {
                    List<String> problems = new ArrayList<>(reader.locate(g, DefinitionChecker.check(g)));
                    if (taken(groups, s -> s.problems().isEmpty() && s.group().id().equals(g.id()))
                            || statuses.stream().anyMatch(other -> other.group().id().equals(g.id()))) {
                        problems.add("function group '" + g.id() + "' is already contributed by another bundle");
                    }
                    statuses.add(new FunctionGroupStatus(g, bundle, problems, List.of()));
                }
                for (CatalogNeed n : read.value().needs()) {
                    List<String> problems = new ArrayList<>(reader.locate(n, DefinitionChecker.check(n)));
                    if (taken(needs, s -> s.problems().isEmpty() && s.need().id().equals(n.id()))
                            || needStatuses.stream().anyMatch(other -> other.need().id().equals(n.id()))) {
                        problems.add("catalog need '" + n.id() + "' is already contributed by another bundle");
                    }
                    needStatuses.add(new NeedStatus(n, bundle, problems));
                }
                for (GroupExtension e : read.value().extensions()) {
                    List<String> problems = new ArrayList<>(reader.locate(e, DefinitionChecker.check(e)));
                    if (taken(extensions, s -> s.state() != ExtensionStatus.State.REFUSED && s.extension().id().equals(e.id()))
                            || extensionStatuses.stream().anyMatch(other -> other.extension().id().equals(e.id()))) {
                        problems.add("group extension '" + e.id() + "' is already contributed by another bundle");
                    }
                    extensionStatuses.add(new ExtensionStatus(e, bundle, problems.isEmpty()
                            ? ExtensionStatus.State.WAITING : ExtensionStatus.State.REFUSED, problems));
                }
                statuses.stream().filter(s -> !s.problems().isEmpty()).forEach(s -> LOG.warn("Function group '{}' of {} refused: {}",
                        s.group().id(), bundle, String.join("; ", s.problems())));
                needStatuses.stream().filter(s -> !s.problems().isEmpty()).forEach(s -> LOG.warn("Catalog need '{}' of {} refused: {}",
                        s.need().id(), bundle, String.join("; ", s.problems())));
            }
            groups.put(sid, statuses);
            needs.put(sid, needStatuses);
            extensions.put(sid, extensionStatuses);
            refreshGroups();
        });
    }

    void removeFunctionGroupProvider(ServiceReference<FunctionGroupProvider> ref) {
        long sid = serviceId(ref);
        coordinate(() -> {
            groups.remove(sid);
            needs.remove(sid);
            extensions.remove(sid);
            refreshGroups();
        });
    }

    private static <T> boolean taken(Map<Long, List<T>> contributions, java.util.function.Predicate<T> holds) {
        return contributions.values().stream().flatMap(List::stream).anyMatch(holds);
    }

    /**
     * Recomputes the groups as new cases run them: each clear group with the extensions that apply to it now,
     * in id order, each judged against the group as extended so far. Called on the coordination thread after
     * every change of departments, groups or extensions.
     */
    private void refreshGroups() {
        Map<String, DepartmentDefinition> active = active();
        Map<String, FunctionGroupStatus> extended = new HashMap<>();
        Map<GroupExtension, ExtensionStatus> judged = new HashMap<>();
        List<ExtensionStatus> all = extensions.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(e -> e.extension().id())).toList();
        for (FunctionGroupStatus base : groups.values().stream().flatMap(List::stream).toList()) {
            if (!base.problems().isEmpty()) {
                continue;
            }
            FunctionGroup group = base.group();
            List<String> applied = new ArrayList<>();
            for (ExtensionStatus e : all) {
                if (e.state() == ExtensionStatus.State.REFUSED || !e.extension().group().equals(group.id())) {
                    continue; // refused as written, or for another group
                }
                ExtensionStatus verdict = judge(e, group, active);
                judged.put(e.extension(), verdict);
                if (verdict.state() == ExtensionStatus.State.APPLIED) {
                    group = plus(group, e.extension().matters(), group.version());
                    applied.add(e.extension().id() + "@" + e.extension().version());
                }
            }
            if (!applied.isEmpty()) {
                try {
                    group = plus(group, List.of(), edition(group.id(), base.group().version(), String.join(",", applied)));
                } catch (RuntimeException x) {
                    LOG.warn("Extensions of function group '{}' wait for the database: {}", group.id(), x.getMessage());
                    group = base.group();
                    applied.clear();
                }
            }
            extended.put(group.id(), new FunctionGroupStatus(group, base.bundle(), List.of(), List.of(),
                    applied.stream().map(a -> a.substring(0, a.lastIndexOf('@'))).toList()));
        }
        List<ExtensionStatus> verdicts = new ArrayList<>();
        for (ExtensionStatus e : all) {
            ExtensionStatus verdict = judged.get(e.extension());
            if (verdict == null && e.state() != ExtensionStatus.State.REFUSED) {
                verdict = new ExtensionStatus(e.extension(), e.bundle(), ExtensionStatus.State.WAITING,
                        List.of("function group '" + e.extension().group() + "' is not installed"));
            }
            verdicts.add(verdict == null ? e : verdict);
        }
        verdicts.stream().filter(v -> !v.equals(extensionVerdicts.stream().filter(o -> o.extension().equals(v.extension()))
                .findFirst().orElse(null))).forEach(v -> LOG.info("Extension '{}' of function group '{}': {}{}",
                        v.extension().id(), v.extension().group(), v.state(),
                        v.reasons().isEmpty() ? "" : " (" + String.join("; ", v.reasons()) + ")"));
        extendedGroups = extended;
        generation.changed(); // functionGroups() reads extendedGroups
        extensionVerdicts = List.copyOf(verdicts);
    }

    private int edition(String group, int baseVersion, String applied) {
        DepartmentStore s = store;
        if (s == null) {
            throw new IllegalStateException("the database is not available");
        }
        return editions.computeIfAbsent(group + "@" + baseVersion + ":" + applied, k -> s.edition(group, baseVersion, applied));
    }

    /** @return whether the extension applies to the group as extended so far, and if not, why */
    private ExtensionStatus judge(ExtensionStatus e, FunctionGroup group, Map<String, DepartmentDefinition> active) {
        List<String> refused = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (String reference : e.extension().matters()) {
            MatterKey key = MatterKey.parse(reference, null);
            DepartmentDefinition d = active.get(key.department());
            if (group.matters().contains(key.toString())) {
                refused.add("matter '" + key + "' is already part of function group '" + group.id() + "'");
            } else if (d != null) {
                if (d.matters().stream().noneMatch(m -> m.id().equals(key.matter()))) {
                    refused.add("matter '" + key + "' is missing: department '" + key.department() + "' has no such matter");
                }
            } else {
                department(key.department()).filter(s -> s.state() == DepartmentState.REFUSED).ifPresentOrElse(
                        s -> refused.add("department '" + key.department() + "' is refused: " + String.join("; ", s.problems())),
                        () -> waiting.add("department '" + key.department() + "' is not installed or not active"));
            }
        }
        if (refused.isEmpty() && waiting.isEmpty()) {
            FunctionGroup extended = plus(group, e.extension().matters(), group.version());
            List<String> present = extended.matters().stream()
                    .filter(m -> active.containsKey(MatterKey.parse(m, null).department())).toList();
            try {
                FunctionGroup runnable = new FunctionGroup(extended.id(), extended.version(), extended.name(),
                        extended.description(), extended.applicantTypes(), present, extended.need(), extended.answers(),
                        extended.keywords());
                Planner.form(Planner.chart(runnable, active), elements(active), Map.of());
            } catch (IllegalArgumentException x) {
                refused.add(x.getMessage());
            }
        }
        ExtensionStatus.State state = !refused.isEmpty() ? ExtensionStatus.State.REFUSED
                : !waiting.isEmpty() ? ExtensionStatus.State.WAITING : ExtensionStatus.State.APPLIED;
        return new ExtensionStatus(e.extension(), e.bundle(), state, refused.isEmpty() ? waiting : refused);
    }

    private static FunctionGroup plus(FunctionGroup g, List<String> matters, int version) {
        List<String> all = new ArrayList<>(g.matters());
        matters.stream().filter(m -> !all.contains(m)).forEach(all::add);
        return new FunctionGroup(g.id(), version, g.name(), g.description(), g.applicantTypes(), all, g.need(), g.answers(),
                g.keywords());
    }

    // --- Registry ----------------------------------------------------------------

    @Override
    public List<DepartmentStatus> departments() {
        return departments.values().stream().sorted(Comparator.comparing(DepartmentStatus::id)).toList();
    }

    @Override
    public Optional<DepartmentStatus> department(String id) {
        return departments().stream().filter(d -> d.id().equals(id))
                .min(Comparator.comparing(d -> d.state() == DepartmentState.ACTIVE ? 0 : 1));
    }

    @Override
    public List<MatterEntry> matters() {
        List<MatterEntry> matters = new ArrayList<>();
        for (DepartmentDefinition d : active().values()) {
            for (Matter m : d.matters()) {
                matters.add(new MatterEntry(new MatterKey(d.id(), m.id()), d.name(), m));
            }
        }
        matters.sort(Comparator.comparing(m -> m.key().toString()));
        return matters;
    }

    @Override
    public List<FunctionGroupStatus> functionGroups() {
        return functionGroups.get();
    }

    private List<FunctionGroupStatus> currentFunctionGroups() {
        Map<String, DepartmentDefinition> active = active();
        Map<String, FunctionGroupStatus> extended = extendedGroups;
        return groups.values().stream().flatMap(List::stream)
                .map(s -> s.problems().isEmpty() ? extended.getOrDefault(s.group().id(), s) : s)
                .map(s -> s.problems().isEmpty()
                        ? new FunctionGroupStatus(s.group(), s.bundle(), s.problems(), DefinitionChecker.missing(s.group(), active),
                                s.extensions())
                        : s)
                .sorted(Comparator.comparing(s -> s.group().id()))
                .toList();
    }

    @Override
    public List<NeedStatus> needs() {
        return needs.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing((NeedStatus n) -> n.need().order()).thenComparing(n -> n.need().id()))
                .toList();
    }

    @Override
    public List<ExtensionStatus> extensions() {
        return extensionVerdicts;
    }

    @Override
    public List<DepartmentRecord> departmentHistory() {
        DepartmentStore s = store;
        if (s == null) {
            throw new IllegalStateException("the database is not available");
        }
        return s.all();
    }

    @Override
    public boolean databaseHealthy() {
        DepartmentStore s = store;
        return s != null && s.healthy();
    }

    // --- DepartmentGateway ---------------------------------------------------------

    @Override
    public Map<String, DataElement> elements(Map<String, DepartmentDefinition> active) {
        Map<String, DataElement> elements = new HashMap<>(dictionary);
        active.values().forEach(d -> d.dataElements().forEach(e -> elements.putIfAbsent(e.id(), e)));
        return elements;
    }

    @Override
    public List<Outcome<List<FieldProblem>>> check(List<Check> checks) {
        return guarded.checks(checks, this::activeService);
    }

    @Override
    public <T> Outcome<T> call(String department, String what, java.util.concurrent.Callable<T> code) {
        return guarded.call(department, what, code);
    }

    /** @return the service of the active department with this id, if there is one */
    private Optional<Department> activeService(String id) {
        return departments.entrySet().stream()
                .filter(e -> e.getValue().id().equals(id) && e.getValue().state() == DepartmentState.ACTIVE)
                .map(e -> services.get(e.getKey())).filter(Objects::nonNull).findFirst();
    }

    @Override
    public Map<String, DepartmentDefinition> active() {
        return active.get();
    }

    /** Read-only: one map is shared by all callers until the next change. */
    private Map<String, DepartmentDefinition> currentActive() {
        return Collections.unmodifiableMap(departments.values().stream().filter(d -> d.state() == DepartmentState.ACTIVE)
                .map(DepartmentStatus::definition)
                .collect(Collectors.toMap(DepartmentDefinition::id, Function.identity(), (a, b) -> a)));
    }

    // --- helpers -----------------------------------------------------------------

    private void persist(Consumer<DepartmentStore> write) {
        DepartmentStore s = store;
        if (s == null) {
            LOG.warn("Database not available; department change not recorded");
            return;
        }
        try {
            write.accept(s);
        } catch (RuntimeException e) {
            LOG.error("Could not record a department change in the database", e);
        }
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    private static String bundleOf(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "(stopped bundle)" : b.getSymbolicName() + " " + b.getVersion();
    }
}
