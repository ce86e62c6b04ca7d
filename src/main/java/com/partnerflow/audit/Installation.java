package com.partnerflow.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.partnerflow.subscriber.DataArea;

/** A published extension version installed into one of a subscriber's data areas by a client user. */
@Entity
@Table(name = "extension_installation")
public class Installation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "data_area_id")
    private DataArea dataArea;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "version_id")
    private ExtensionVersion version;

    @Column(name = "installed_by", nullable = false, length = 64)
    private String installedBy;

    @Column(name = "installed_at", nullable = false)
    private Instant installedAt;

    protected Installation() {
    }

    Installation(DataArea dataArea, ExtensionVersion version, String installedBy, Instant installedAt) {
        this.dataArea = dataArea;
        this.version = version;
        this.installedBy = installedBy;
        this.installedAt = installedAt;
    }

    public Long getId() {
        return id;
    }

    public DataArea getDataArea() {
        return dataArea;
    }

    public ExtensionVersion getVersion() {
        return version;
    }

    public String getInstalledBy() {
        return installedBy;
    }

    public Instant getInstalledAt() {
        return installedAt;
    }
}
