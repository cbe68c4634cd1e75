package org.tanghulu.core.internal.accounts;

import static org.tanghulu.core.Refusal.Kind.INVALID;
import static org.tanghulu.core.Refusal.Kind.NOT_FOUND;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_MAP;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_SET;
import static org.tanghulu.kernel.text.Text.blankToNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.accounts.Account;
import org.tanghulu.core.accounts.Accounts;
import org.tanghulu.core.accounts.Draft;
import org.tanghulu.core.accounts.Registration;
import org.tanghulu.core.internal.store.Database;
import org.tanghulu.core.internal.store.JsonColumns;
import org.tanghulu.catalog.validation.InputRules;
import org.tanghulu.core.internal.store.Transactions;

/**
 * Applicants' accounts and drafts. Passwords are hashed with bcrypt (Bouncy Castle's
 * {@link OpenBSDBCrypt}) and neither kept nor logged; each public method is one transaction.
 */
@Component(service = {Accounts.class, Owners.class})
public class AccountService implements Accounts, Owners {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    /** bcrypt's work factor: 2^12 rounds, about a quarter of a second per hash on a server. */
    static final int BCRYPT_COST = 12;
    /** bcrypt reads at most 72 bytes of a password; longer ones are refused rather than cut. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final int MIN_PASSWORD_LENGTH = 10;
    private static final int MAX_NAME_LENGTH = 50;
    private static final int MAX_GROUP_LENGTH = 64;
    private static final int MAX_DRAFT_MATERIALS = 200;
    /** What the {@code draft} columns hold. */
    private static final int MAX_VALUES_JSON = 1_000_000;
    private static final int MAX_MATERIALS_JSON = 20_000;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");

    private final JpaTemplate jpa;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Checked when the user is unknown, so that an unknown user costs as much time as a wrong password. */
    private final String dummyHash;

    @Activate
    public AccountService(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    AccountService(Database database, Clock clock) {
        this.jpa = database.jpa();
        this.clock = clock;
        this.dummyHash = hash("not a password of anyone".toCharArray());
    }

    // --- accounts -------------------------------------------------------------------

    @Override
    public Account register(Registration r) {
        String username = r.username() == null ? "" : r.username().strip().toLowerCase(Locale.ROOT);
        String name = r.name() == null ? "" : r.name().strip();
        String email = blankToNull(r.email());
        String mobile = blankToNull(r.mobile());
        List<FieldProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(problem("username", "用户名须为3至32位小写字母、数字、“.”、“_”或“-”。",
                    "The user name must be 3 to 32 lower-case letters, digits, '.', '_' or '-'."));
        } else if (taken(username)) {
            problems.add(taken());
        }
        problems.addAll(passwordProblems(r.password(), username));
        if (name.isEmpty()) {
            problems.add(problem("name", "请填写姓名（不超过50字）。", "Give your name (at most 50 characters)."));
        } else {
            problems.addAll(InputRules.text("name", new LocalizedText("姓名", "Name"), name, MAX_NAME_LENGTH, false));
        }
        if (email != null && !InputRules.isEmail(email)) {
            problems.add(problem("email", "电子邮箱格式不正确，例如 zhang.san@example.cn。",
                    "This is not a mail address; it looks like zhang.san@example.cn."));
        }
        if (mobile != null && !InputRules.isMobile(mobile)) {
            problems.add(problem("mobile", "手机号码须为11位数字，以13至19开头。",
                    "The mobile number must be 11 digits starting with 13 to 19."));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems, "The account was not opened");
        }
        AccountEntity a = new AccountEntity();
        a.username = username;
        a.passwordHash = hash(r.password().toCharArray());
        a.name = name;
        a.email = email;
        a.mobile = mobile;
        a.createdAt = clock.instant();
        try {
            tx(em -> {
                em.persist(a);
                em.flush();
                return a;
            });
        } catch (RuntimeException e) {
            if (Transactions.uniqueViolation(e) || taken(username)) {
                // another registration took the name a moment ago
                throw invalid(List.of(taken()), "The account was not opened");
            }
            throw e;
        }
        LOG.info("Account {} opened for user name {}", a.id, username);
        return account(a);
    }

    @Override
    public Optional<Account> authenticate(String username, String password) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<AccountEntity> found = USERNAME.matcher(normalized).matches() ? tx(em -> em
                .createQuery("select a from AccountEntity a where a.username = :u", AccountEntity.class)
                .setParameter("u", normalized).getResultStream().findFirst()) : Optional.empty();
        char[] given = password == null ? new char[0] : password.toCharArray();
        boolean matches = check(found.map(a -> a.passwordHash).orElse(dummyHash), given);
        return matches && found.isPresent() && password != null ? found.map(AccountService::account) : Optional.empty();
    }

    @Override
    public Account account(long id) {
        return account(tx(em -> existing(em, id)));
    }

    // --- drafts ---------------------------------------------------------------------

    @Override
    public void saveDraft(long account, String group, Map<String, String> values, Set<String> materials) {
        Map<String, String> given = values == null ? Map.of() : new TreeMap<>(values);
        Set<String> handedIn = materials == null ? Set.of() : new TreeSet<>(materials);
        String valuesJson = JsonColumns.write(given);
        String materialsJson = JsonColumns.write(handedIn);
        List<FieldProblem> problems = new ArrayList<>();
        if (group == null || group.isBlank() || group.length() > MAX_GROUP_LENGTH) {
            problems.add(problem("group", "请指明申请表所属的事项组。", "Name the function group the form belongs to."));
        }
        if (given.size() > MAX_DRAFT_VALUES || given.values().stream().anyMatch(v -> v != null
                && v.length() > MAX_DRAFT_VALUE_LENGTH) || valuesJson.length() > MAX_VALUES_JSON) {
            problems.add(problem("values", "草稿最多保存500项，每项不超过4000字。",
                    "A draft keeps at most 500 values of at most 4000 characters each."));
        }
        if (Stream.concat(Stream.concat(given.keySet().stream(), given.values().stream()), handedIn.stream())
                .anyMatch(v -> v != null && InputRules.controlCharacter(v, true) >= 0)) {
            problems.add(problem("values", "草稿中含有不可见的控制字符，请删除后再保存。",
                    "The draft contains invisible control characters; please remove them and save again."));
        }
        if (handedIn.size() > MAX_DRAFT_MATERIALS || materialsJson.length() > MAX_MATERIALS_JSON) {
            problems.add(problem("materials", "草稿中的材料过多。", "The draft lists too many materials."));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems, "The draft was not saved");
        }
        EmFunction<DraftEntity> upsert = em -> {
            existing(em, account);
            DraftEntity found = em.find(DraftEntity.class, new DraftEntity.Key(account, group));
            DraftEntity d = found != null ? found : new DraftEntity();
            d.accountId = account;
            d.groupId = group;
            d.values = valuesJson;
            d.materials = materialsJson;
            d.savedAt = clock.instant();
            if (found == null) {
                em.persist(d);
            }
            return d;
        };
        try {
            tx(upsert);
        } catch (RuntimeException e) {
            if (!Transactions.uniqueViolation(e)) {
                throw e;
            }
            tx(upsert); // the first save of the draft from two windows at once: the row exists now
        }
    }

    @Override
    public Optional<Draft> draft(long account, String group) {
        return tx(em -> Optional.ofNullable(em.find(DraftEntity.class, new DraftEntity.Key(account, group)))
                .map(d -> new Draft(d.groupId, JsonColumns.read(d.values, STRING_MAP),
                        JsonColumns.read(d.materials, STRING_SET), d.savedAt)));
    }

    @Override
    public void discardDraft(long account, String group) {
        tx(em -> discardDraft(em, account, group));
    }

    @Override
    public int discardDraft(EntityManager em, long account, String group) {
        return em.createQuery("delete from DraftEntity d where d.accountId = :a and d.groupId = :g")
                .setParameter("a", account).setParameter("g", group).executeUpdate();
    }

    @Override
    public boolean exists(EntityManager em, long account) {
        return em.find(AccountEntity.class, account) != null;
    }

    // --- helpers --------------------------------------------------------------------

    private static AccountEntity existing(EntityManager em, long id) {
        AccountEntity a = em.find(AccountEntity.class, id);
        if (a == null) {
            throw new Refusal(NOT_FOUND, "There is no account " + id + ".");
        }
        return a;
    }

    private boolean taken(String username) {
        return tx(em -> !em.createQuery("select a.id from AccountEntity a where a.username = :u")
                .setParameter("u", username).getResultList().isEmpty());
    }

    private static FieldProblem taken() {
        return problem("username", "用户名已被使用", "This user name is taken");
    }

    private static List<FieldProblem> passwordProblems(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return List.of(problem("password", "密码须至少10个字符，且不超过72字节（如72个字母或24个汉字）。",
                    "The password must have at least 10 characters and at most 72 bytes (72 letters or 24 Chinese characters)."));
        }
        if (!username.isEmpty() && password.toLowerCase(Locale.ROOT).contains(username)) {
            return List.of(problem("password", "密码不能包含用户名。", "The password must not contain the user name."));
        }
        return List.of();
    }

    private String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(password, salt, BCRYPT_COST);
    }

    private static boolean check(String hash, char[] password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException e) {
            return false; // e.g. longer than bcrypt takes: no account has such a password
        }
    }

    private static Account account(AccountEntity a) {
        return new Account(a.id, a.username, a.name, a.email, a.mobile, a.createdAt);
    }

    private <T> T tx(EmFunction<T> work) {
        return Transactions.run(jpa, work);
    }

    private static Refusal invalid(List<FieldProblem> problems, String what) {
        return new Refusal(INVALID, what + ": " + problems.size() + " problem(s); please correct the fields listed.",
                problems);
    }

    private static FieldProblem problem(String field, String zh, String en) {
        return new FieldProblem(field, new LocalizedText(zh, en));
    }

}
