package com.partnerflow.audit;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.developer.DeveloperAuthorizationService;
import com.partnerflow.document.DocumentService;
import com.partnerflow.document.StoredDocument;
import com.partnerflow.document.Upload;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.Problems;

/**
 * Extensions and the submission of their versions (seed 002, «Доработка типового функционала»).
 * Only an employee the vendor authorized develops, only for the clients the partner serves, and every
 * check of a submission runs before anything is stored: a version is taken whole or not at all.
 */
@Service
public class ExtensionService {

    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    static final int MAX_NAME = 150;
    static final int MAX_VERSION = 40;
    static final int MAX_NOTES = 4000;
    static final int MAX_RECIPIENTS = 500;
    static final String NOT_FOUND = "Версия доработки № %d не найдена.";
    static final String FILE_MEDIA_TYPE = "application/octet-stream";
    private static final String REJECTED = "Версия не принята";

    private final Extensions extensions;
    private final ExtensionVersions versions;
    private final PartnerService partners;
    private final DeveloperAuthorizationService developers;
    private final SubscriberService subscribers;
    private final DocumentService documents;
    private final Clock clock;

    ExtensionService(Extensions extensions, ExtensionVersions versions, PartnerService partners,
                     DeveloperAuthorizationService developers, SubscriberService subscribers, DocumentService documents, Clock clock) {
        this.extensions = extensions;
        this.versions = versions;
        this.partners = partners;
        this.developers = developers;
        this.subscribers = subscribers;
        this.documents = documents;
        this.clock = clock;
    }

    /** Registers an extension of the developer's partner. */
    @Transactional
    public Extension register(ExtensionDraft draft, String developer) {
        Partner partner = developerPartner(developer);
        Problems problems = new Problems();
        Extension extension = checkDraft(draft, partner, developer, problems);
        problems.refuseIfAny("Доработка не зарегистрирована");
        if (extensions.findByDeveloperAndName(partner, extension.getName()).isPresent()
                || !extensions.findMaintainedBy(partner, extension.getName()).isEmpty()) {
            throw BusinessRuleViolation.conflict("Доработка «" + extension.getName() + "» у вашей организации уже есть.");
        }
        try {
            return extensions.saveAndFlush(extension);
        } catch (DataIntegrityViolationException raceLost) {
            throw BusinessRuleViolation.conflict("Доработка «" + extension.getName() + "» у вашей организации уже есть.");
        }
    }

    /**
     * Checks a version and stores it with its file, SUBMITTED. Throws {@link BusinessRuleViolation} naming
     * every problem found; an extension named by a draft is registered in the same transaction.
     */
    @Transactional
    public ExtensionVersion submit(SubmitVersion command, String submitter) {
        Partner partner = developerPartner(submitter);
        Problems problems = new Problems();
        Extension extension = extensionOf(command, partner, submitter, problems);
        if (extension != null && extension.getId() != null) {
            developers.whyNotFor(submitter, extension.getTargetApplication()).ifPresent(problems::add);
        }
        VersionNumber number = checkNumber(command.version(), extension, problems);
        String targetVersion = problems.required(command.targetApplicationVersion(), "версия программы", MAX_VERSION);
        String notes = problems.required(command.changeNotes(), "описание изменений", MAX_NOTES);
        Set<Subscriber> recipients = checkDistribution(command.distribution(), command.recipients(), partner, problems);
        checkFile(command.file(), extension == null ? null : extension.getKind(), problems);
        problems.refuseIfAny(REJECTED);
        if (extension.getId() != null && versions.findByOpenExtension(extension).isPresent()) {
            throw alreadyOpen(extension);
        }
        if (extension.getId() == null) {
            extension = extensions.save(extension);
        }
        StoredDocument file = documents.store(command.file(), FILE_MEDIA_TYPE, submitter);
        try {
            return versions.saveAndFlush(new ExtensionVersion(extension, new ExtensionVersion.Submission(number, targetVersion,
                    notes, file, command.distribution(), recipients), submitter, clock.instant()));
        } catch (DataIntegrityViolationException raceLost) {
            throw alreadyOpen(extension);
        }
    }

    /** The partner's answer to required changes: the fixed version again, or the version withdrawn. */
    @Transactional
    public ExtensionVersion revise(long versionId, RevisionDecision decision, Resubmission fix, String partnerUser) {
        if (decision == null) {
            throw BusinessRuleViolation.invalid("Выберите: отправить исправленную версию на аудит или отозвать ее.");
        }
        return switch (decision) {
            case RESUBMIT -> resubmit(versionId, fix, partnerUser);
            case WITHDRAW -> withdraw(versionId, partnerUser);
        };
    }

    /** The partner's fix after the auditor required changes: the same checks again, and a new file. */
    @Transactional
    public ExtensionVersion resubmit(long versionId, Resubmission command, String partnerUser) {
        ExtensionVersion version = get(versionId);
        Partner partner = developerPartner(partnerUser);
        if (!version.getExtension().isMaintainedBy(partner)) {
            throw notFound(versionId);
        }
        Problems problems = new Problems();
        String requested = command.version() == null || command.version().isBlank() ? version.getNumber() : command.version();
        // the same number is allowed here only; it was newer than the last approved one when first submitted,
        // and no other version of the extension can have been approved while this one was open
        VersionNumber number = requested.strip().equals(version.getNumber())
                ? version.versionNumber() : checkNumber(requested, version.getExtension(), problems);
        String notes = command.changeNotes() == null || command.changeNotes().isBlank()
                ? version.getChangeNotes() : problems.required(command.changeNotes(), "описание изменений", MAX_NOTES);
        checkFile(command.file(), version.getExtension().getKind(), problems);
        problems.refuseIfAny(REJECTED);
        version.resubmit(number, notes, documents.store(command.file(), FILE_MEDIA_TYPE, partnerUser), partnerUser, clock.instant());
        return version;
    }

    @Transactional
    public ExtensionVersion withdraw(long versionId, String partnerUser) {
        ExtensionVersion version = get(versionId);
        if (!partners.partnerOf(partnerUser).map(version.getExtension()::isMaintainedBy).orElse(false)) {
            throw BusinessRuleViolation.forbidden("Отозвать версию может только сотрудник партнера-разработчика.");
        }
        version.withdraw();
        return version;
    }

    /** One page of the extensions the caller's partner maintains (vendor staff and auditors: all of them), filtered. */
    @Transactional(readOnly = true)
    public Page<Extension> list(Caller caller, ExtensionKind kind, ExtensionOwner owner, Pageable page) {
        return extensions.findVisible(seesEveryExtension(caller), partners.partnerOf(caller.userId()).orElse(null), kind, owner, page);
    }

    /** One page of the versions of those extensions, filtered: what waits in audit, what one extension has. */
    @Transactional(readOnly = true)
    public Page<ExtensionVersion> listVersions(Caller caller, VersionStatus status, Long extensionId, Pageable page) {
        return versions.findVisible(seesEveryExtension(caller), partners.partnerOf(caller.userId()).orElse(null), status,
                extensionId, page);
    }

    @Transactional(readOnly = true)
    public Extension find(long extensionId, Caller caller) {
        return extensions.findById(extensionId).filter(extension -> isVisible(extension, caller))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Доработка № " + extensionId + " не найдена."));
    }

    @Transactional(readOnly = true)
    public List<ExtensionVersion> versionsOf(Extension extension) {
        return versions.findByExtensionOrderById(extension);
    }

    /** The versions of each extension, oldest first, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, List<ExtensionVersion>> versionsOf(List<Extension> listed) {
        return listed.isEmpty() ? Map.of() : versions.findByExtensionInOrderById(listed).stream()
                .collect(Collectors.groupingBy(version -> version.getExtension().getId()));
    }

    /** A version as its developer, the auditors and the vendor see it, with its whole audit. */
    @Transactional(readOnly = true)
    public ExtensionVersion findVersion(long versionId, Caller caller) {
        return versions.findById(versionId).filter(version -> isVisible(version.getExtension(), caller))
                .orElseThrow(() -> notFound(versionId));
    }

    /** The file of a version, with its bytes. */
    @Transactional(readOnly = true)
    public FileContent file(long versionId, Caller caller) {
        StoredDocument file = findVersion(versionId, caller).getFile();
        return new FileContent(file.getFileName(), file.getContent());
    }

    public record FileContent(String fileName, byte[] content) {
    }

    /** The open versions of a client's own extensions: they move with the client to its new partner. */
    @Transactional(readOnly = true)
    List<Long> openVersionsOwnedBy(String subscriberNumber) {
        return versions.findOpenIdsOwnedBy(subscriberNumber);
    }

    @Transactional(readOnly = true)
    ExtensionVersion byId(long versionId) {
        return get(versionId);
    }

    private boolean isVisible(Extension extension, Caller caller) {
        return seesEveryExtension(caller)
                || partners.partnerOf(caller.userId()).map(extension::isMaintainedBy).orElse(false);
    }

    private static boolean seesEveryExtension(Caller caller) {
        return caller.seesAllPartners() || caller.groups().contains(Groups.AUDITORS) || caller.groups().contains(Groups.AUDIT_LEADS);
    }

    private Partner developerPartner(String userId) {
        return developers.developerPartnerOf(userId).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Отправлять доработки на аудит могут только сотрудники партнера, авторизованные фирмой как разработчики."));
    }

    private Extension extensionOf(SubmitVersion command, Partner partner, String submitter, Problems problems) {
        if (command.extensionId() != null) {
            return extensions.findById(command.extensionId()).filter(extension -> extension.isMaintainedBy(partner))
                    .orElseThrow(() -> BusinessRuleViolation.notFound("Доработка № " + command.extensionId() + " не найдена."));
        }
        if (command.extension() == null) {
            problems.add("не указана доработка");
            return null;
        }
        Extension described = checkDraft(command.extension(), partner, submitter, problems);
        if (described == null) {
            return null;
        }
        List<Extension> known = extensions.findMaintainedBy(partner, described.getName());
        if (known.isEmpty() && extensions.findByDeveloperAndName(partner, described.getName()).isPresent()) {
            problems.add("доработку «" + described.getName() + "» вы регистрировали для клиента, которого теперь обслуживает "
                    + "другая организация: выберите другое наименование");
            return null;
        }
        if (known.isEmpty()) {
            return described;
        }
        if (known.size() > 1) {
            problems.add("доработок «" + described.getName() + "» у вашей организации несколько (одна перешла к вам вместе "
                    + "с клиентом): выберите доработку по номеру");
            return null;
        }
        Extension extension = known.get(0);
        if (extension.getKind() != described.getKind() || extension.getOwner() != described.getOwner()
                || !extension.getTargetApplication().equals(described.getTargetApplication())) {
            problems.add("доработка «" + extension.getName() + "» уже зарегистрирована как «" + extension.getKind().label()
                    + "» для «" + extension.getTargetApplication() + "», владелец — " + extension.getOwner().label().toLowerCase()
                    + ": укажите те же данные или другое наименование");
        }
        return extension;
    }

    private Extension checkDraft(ExtensionDraft draft, Partner partner, String creator, Problems problems) {
        String name = problems.required(draft.name(), "наименование доработки", MAX_NAME);
        String application = problems.required(draft.targetApplication(), "программа", MAX_NAME);
        if (!application.isEmpty() && application.length() <= MAX_NAME) {
            developers.whyNotFor(creator, application).ifPresent(problems::add);
        }
        if (draft.kind() == null) {
            problems.add("выберите вид доработки: расширение конфигурации, дополнительный отчет или обработка");
        }
        if (draft.owner() == null) {
            problems.add("выберите владельца доработки: клиент, партнер или провайдер");
        }
        Subscriber owner = null;
        if (draft.owner() == ExtensionOwner.CLIENT) {
            owner = servedClient(draft.ownerSubscriber(), partner, "владелец доработки", problems);
        }
        if (name.isEmpty() || name.length() > MAX_NAME || application.isEmpty() || application.length() > MAX_NAME
                || draft.kind() == null || draft.owner() == null || (draft.owner() == ExtensionOwner.CLIENT && owner == null)) {
            return null;
        }
        return new Extension(name, draft.kind(), application, draft.owner(), owner, partner, creator, clock.instant());
    }

    /** Only the partner serving a client develops for it (seed 002). */
    private Subscriber servedClient(String number, Partner partner, String role, Problems problems) {
        String stripped = number == null ? "" : number.strip();
        Optional<Subscriber> subscriber = stripped.matches(Subscriber.NUMBER_PATTERN) ? subscribers.byNumber(stripped) : Optional.empty();
        if (stripped.isEmpty()) {
            problems.add("не указан номер абонента (" + role + ")");
        } else if (subscriber.filter(found -> found.getPartner().getId().equals(partner.getId())).isEmpty()) {
            problems.add("абонент " + stripped + " (" + role + ") не обслуживается вашей организацией: "
                    + "дорабатывать программы клиента может только обслуживающая его организация");
        } else {
            return subscriber.get();
        }
        return null;
    }

    private VersionNumber checkNumber(String text, Extension extension, Problems problems) {
        Optional<VersionNumber> number = VersionNumber.parse(text);
        if (number.isEmpty()) {
            problems.add("номер версии должен быть вида " + VersionNumber.FORMAT);
            return null;
        }
        if (extension == null || extension.getId() == null) {
            return number.get();
        }
        Optional<VersionNumber> approved = lastApproved(extension);
        if (approved.isPresent() && !number.get().isNewerThan(approved.get())) {
            problems.add("версия " + number.get() + " не новее последней одобренной версии " + approved.get());
        } else if (versions.existsByExtensionAndNumber(extension, number.get().toString())) {
            problems.add("версия " + number.get() + " уже отправлялась на аудит: укажите новый номер версии");
        }
        return number.get();
    }

    private Optional<VersionNumber> lastApproved(Extension extension) {
        return versions.findByExtensionOrderById(extension).stream()
                .filter(version -> version.getStatus() == VersionStatus.APPROVED)
                .map(ExtensionVersion::versionNumber).max(VersionNumber::compareTo);
    }

    private Set<Subscriber> checkDistribution(Distribution distribution, List<String> numbers, Partner partner,
                                              Problems problems) {
        Set<Subscriber> recipients = new LinkedHashSet<>();
        if (distribution == null) {
            problems.add("выберите, кому предназначена доработка: одному клиенту, нескольким или всем");
            return recipients;
        }
        if (distribution == Distribution.ALL) {
            return recipients;
        }
        List<String> distinct = numbers.stream().map(String::strip).filter(number -> !number.isEmpty()).distinct().toList();
        if (distinct.size() > MAX_RECIPIENTS) {
            problems.add("указано больше " + MAX_RECIPIENTS + " абонентов: выберите «всем клиентам»");
            return recipients;
        }
        if (distribution == Distribution.ONE && distinct.size() != 1) {
            problems.add("для одного клиента укажите ровно один номер абонента");
        } else if (distribution == Distribution.SEVERAL && distinct.isEmpty()) {
            problems.add("укажите номера абонентов, которым предназначена доработка");
        }
        distinct.forEach(number -> Optional.ofNullable(servedClient(number, partner, "получатель", problems)).ifPresent(recipients::add));
        return recipients;
    }

    private static void checkFile(Upload file, ExtensionKind kind, Problems problems) {
        if (file == null || file.content().length == 0) {
            problems.add("приложите файл доработки: файл не выбран или пуст");
        } else if (file.content().length > MAX_FILE_BYTES) {
            problems.add("файл доработки больше 50 МБ");
        } else if (kind != null && !kind.accepts(file.fileName())) {
            problems.add("файл «" + file.fileName() + "» не подходит: для вида «" + kind.label() + "» нужен файл " + kind.suffixes());
        }
    }

    private ExtensionVersion get(long versionId) {
        return versions.findById(versionId)
                .orElseThrow(() -> new IllegalStateException("Extension version " + versionId + " does not exist"));
    }

    private static BusinessRuleViolation notFound(long versionId) {
        return BusinessRuleViolation.notFound(NOT_FOUND.formatted(versionId));
    }

    private static BusinessRuleViolation alreadyOpen(Extension extension) {
        return BusinessRuleViolation.conflict("У доработки «" + extension.getName() + "» уже есть версия на аудите или на "
                + "исправлении: дождитесь решения аудитора или отзовите ее.");
    }
}
