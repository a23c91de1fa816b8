import CRMContacts

/// The `--help` text of every command.
enum Help {
    /// Prints the help of `path` and returns `true` when `--help` was given or the command is missing.
    static func shown(for path: [String?], _ arguments: inout CommandLineArguments) -> Bool {
        let asked = arguments.flag("help")
        let words = path.compactMap { $0 }
        guard asked || words.count < path.count else { return false }
        print(text(for: words))
        return true
    }

    /// The help of the command named by `words`, or of its nearest parent.
    static func text(for words: [String]) -> String {
        var words = words
        while !words.isEmpty, pages[words.joined(separator: " ")] == nil { words.removeLast() }
        return pages[words.joined(separator: " ")] ?? pages[""]!
    }

    static let transactionOptions = """
          --transactions FILE.csv   the transaction log, one purchase per line, with a header
          --customer-column NAME    the column of the customer id
          --date-column NAME        the column of the purchase date
          --amount-column NAME      the column of the amount
          --date-format F           the date pattern, such as yyyyMMdd (default yyyy-MM-dd)
          --calibration-end DAY     end of the calibration period; later purchases are the holdout
          --observation-end DAY     end of the observation (default: the last purchase)
          --time-unit U             day, week or month (default week)
          --json                    machine-readable output
        """

    static let pages: [String: String] = [
        "": """
        crm: a customer-relationship store on your disk, with sales, service, loyalty and analytics.

        usage: crm [--store PATH] COMMAND [SUBCOMMAND] [OPTIONS]

        commands:
          demo        seed a small company into an empty store and take a guided tour
          contacts    add, list, show, search, import, export, duplicates, merge
          sales       pipeline, forecast, quote
          service     open, list, escalate, resolve, sla
          loyalty     enroll, earn, redeem, statement
          analytics   rfm, clv, pareto, cohorts on a transaction file
          store       verify, stats, compact

        The store is the directory --store PATH, else $CRM_STORE, else ./crm-data.
        $CRM_NOW (ISO 8601) fixes the time commands act at, for reproducible runs.
        Every command takes --help. Exit codes: 0 done, 1 failed, 2 usage error.
        """,
        "demo": """
        usage: crm demo [--store PATH]

        Seeds the store, if it is empty, with a small company: customers and their organizations, a sales
        pipeline with quotes and orders, tickets under service-level agreements, a loyalty club and two
        years of purchases. Then prints a tour: pipeline and forecast, tickets and their SLA status, loyalty
        tiers, RFM segments and the customers of highest predicted lifetime value.
        """,
        "contacts": """
        usage: crm contacts SUBCOMMAND

          add --given NAME --family NAME [--email E] [--phone P] [--organization NAME] [--region CC]
          list [--json]
          show ID [--json]
          search TEXT [--json]
          import FILE.csv --map COLUMN=FIELD ... [--date-format F] [--upsert-on email|phone|externalID]
                 [--region CC] [--skip-invalid] [--dry-run]
          export [--json]            CSV (or a JSON document) on standard output
          duplicates [--json]        groups of contacts that look like one person
          merge SURVIVOR DUPLICATE   merge DUPLICATE into SURVIVOR
        """,
        "contacts import": """
        usage: crm contacts import FILE.csv --map COLUMN=FIELD ... [OPTIONS]

          --map COLUMN=FIELD   fill FIELD from COLUMN; repeat for each column. Fields:
                               \(ImportField.named.map(\.description).joined(separator: ", ")),
                               custom.NAME
          --date-format F      the pattern of dates, such as yyyyMMdd (default yyyy-MM-dd)
          --upsert-on KEY      email, phone or externalID: what finds the contact a row updates
          --region CC          the region of phone numbers without a country code, such as GB
          --skip-invalid       import the valid rows and report the others
          --dry-run            report what would change, write nothing
        """,
        "sales": """
        usage: crm sales SUBCOMMAND

          pipeline [--json]          open opportunities by stage, with weighted amounts
          forecast [--json]          the forecast by close month and category
          quote OPPORTUNITY-ID       price the demo catalog's products for an opportunity
                --line SKU=QUANTITY ...
        """,
        "service": """
        usage: crm service SUBCOMMAND

          open --subject TEXT [--contact ID] [--priority low|normal|high|urgent] [--channel C]
          list [--json]              the active tickets
          escalate TICKET-ID         move a ticket up a tier, to the specialists' queue
          resolve TICKET-ID          mark a ticket resolved
          sla [--json]               every active ticket's SLA clocks
        """,
        "loyalty": """
        usage: crm loyalty SUBCOMMAND

          enroll CONTACT-ID                    join the club; prints the member and card
          earn MEMBER-ID --amount A [--order REF] [--category C]
          redeem MEMBER-ID --reward NAME
          statement MEMBER-ID [--json]
        """,
        "analytics": """
        usage: crm analytics rfm | clv | pareto | cohorts [OPTIONS]

        \(transactionOptions)
          --limit N                 how many customers to list (default 10)

        clv also takes --periods N (months ahead, default 12), --discount-rate R (per month, default
        0.01), --margin M (0 to 1, default 1) and --cost-per-purchase C.
        """,
        "store": """
        usage: crm store verify | stats | compact [--store PATH]

          verify    check every checksum and record of the store; exit 1 on a problem
          stats     records, changes and size on disk
          compact   write a fresh snapshot and start a new log
        """,
    ]
}
