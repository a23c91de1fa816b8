public import CRMCore

/// Settings of a ``PostgresEngine``: where the server is, how to reach it, and how commits behave.
public struct PostgresEngineOptions: Sendable {
    /// How the connection is protected; passed to libpq as `sslmode` and the certificate settings.
    public struct TLS: Sendable, Hashable {
        /// libpq's `sslmode`: `disable`, `allow`, `prefer`, `require`, `verify-ca` or `verify-full`.
        public var mode: String
        /// The file of trusted root certificates (`sslrootcert`), if not the default.
        public var rootCertificate: String?
        /// The client certificate (`sslcert`), for certificate authentication.
        public var clientCertificate: String?
        /// The client certificate's key (`sslkey`).
        public var clientKey: String?

        /// Creates TLS settings; `verify-full` checks the server's certificate and name.
        public init(
            mode: String = "verify-full", rootCertificate: String? = nil, clientCertificate: String? = nil,
            clientKey: String? = nil
        ) {
            self.mode = mode
            self.rootCertificate = rootCertificate
            self.clientCertificate = clientCertificate
            self.clientKey = clientKey
        }
    }

    /// A libpq connection string: a URI (`postgresql://user@host:5432/crm?sslmode=require`) or key-value
    /// pairs (`host=db.internal dbname=crm`). Unset parts come from libpq's environment variables
    /// (`PGHOST`, `PGUSER`, `PGPASSWORD`, …) and its service and password files, as for `psql`.
    public var connectionString: String
    /// The database to use instead of the one in the connection string.
    public var database: String?
    /// TLS settings that override those of the connection string.
    public var tls: TLS?
    /// How many connections the engine keeps: one writer and the rest for reads; 4 unless told otherwise.
    public var connections: Int
    /// When commits are acknowledged: `synchronous` sets `synchronous_commit = on` (the commit is in the
    /// server's durable log, and on its synchronous standbys if it has any, before it returns); `relaxed`
    /// sets it `off`, so a server crash may lose the newest commits but never half of one.
    public var durability: Durability
    /// How long a commit waits for another instance's lock before failing with
    /// `StorageError.Code.locked`; 5 seconds unless told otherwise.
    public var lockTimeout: Duration
    /// The clock that stamps commits.
    public var clock: any WallClock

    /// Creates options for the server at `connectionString`.
    public init(
        connectionString: String, database: String? = nil, tls: TLS? = nil, connections: Int = 4,
        durability: Durability = .synchronous, lockTimeout: Duration = .seconds(5),
        clock: any WallClock = SystemWallClock()
    ) {
        self.connectionString = connectionString
        self.database = database
        self.tls = tls
        self.connections = connections
        self.durability = durability
        self.lockTimeout = lockTimeout
        self.clock = clock
    }

    /// The keyword-value pairs libpq connects with: the connection string first (expanded), then overrides.
    var connectionParameters: [(String, String)] {
        var parameters = [("dbname", connectionString), ("application_name", "swift-crm")]
        if let database { parameters.append(("dbname", database)) }
        if let tls {
            parameters.append(("sslmode", tls.mode))
            if let file = tls.rootCertificate { parameters.append(("sslrootcert", file)) }
            if let file = tls.clientCertificate { parameters.append(("sslcert", file)) }
            if let file = tls.clientKey { parameters.append(("sslkey", file)) }
        }
        return parameters
    }
}
