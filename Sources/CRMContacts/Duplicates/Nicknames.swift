/// Common English given-name variants and the formal name they stand for, so that `Bill Smith` and
/// `William Smith` compare as the same given name. The pairs are the usual ones of genealogy and
/// record-linkage name tables.
enum Nicknames {
    static let formal: [String: String] = {
        let groups: [String: [String]] = [
            "william": ["bill", "billy", "will", "willy", "liam"],
            "robert": ["bob", "bobby", "rob", "robbie", "bert"],
            "richard": ["rick", "ricky", "dick", "rich", "richie"],
            "james": ["jim", "jimmy", "jamie"],
            "john": ["jack", "johnny", "jon"],
            "margaret": ["maggie", "meg", "peggy", "marge", "greta"],
            "elizabeth": ["liz", "lizzie", "beth", "betty", "eliza", "libby"],
            "katherine": ["kate", "katie", "kathy", "kat", "catherine", "kathryn"],
            "michael": ["mike", "mikey", "mick"],
            "thomas": ["tom", "tommy"],
            "joseph": ["joe", "joey"],
            "charles": ["charlie", "chuck", "chas"],
            "edward": ["ed", "eddie", "ted", "ned"],
            "alexander": ["alex", "sasha", "sandy"],
            "alexandra": ["alexa", "lexi"],
            "daniel": ["dan", "danny"],
            "david": ["dave", "davy"],
            "christopher": ["chris", "kit"],
            "christine": ["chris", "chrissy", "tina"],
            "jennifer": ["jen", "jenny"],
            "patricia": ["pat", "patty", "trish"],
            "susan": ["sue", "susie"],
            "anthony": ["tony"],
            "andrew": ["andy", "drew"],
            "benjamin": ["ben", "benny"],
            "samuel": ["sam", "sammy"],
            "samantha": ["sam", "sammie"],
            "nicholas": ["nick", "nicky"],
            "matthew": ["matt"],
            "jonathan": ["jon", "jonny"],
            "stephen": ["steve", "stevie", "steven"],
            "peter": ["pete"],
            "timothy": ["tim", "timmy"],
            "gregory": ["greg"],
            "jessica": ["jess", "jessie"],
            "rebecca": ["becky", "becca"],
            "victoria": ["vicky", "tori"],
            "deborah": ["deb", "debbie"],
            "barbara": ["barb", "babs"],
            "frederick": ["fred", "freddie"],
            "henry": ["harry", "hank"],
            "lawrence": ["larry"],
            "leonard": ["len", "lenny", "leo"],
            "theodore": ["theo", "teddy"],
            "abigail": ["abby"],
            "dorothy": ["dot", "dottie"],
            "eleanor": ["ellie", "nora"],
            "gabriel": ["gabe"],
            "isabella": ["bella", "izzy"],
            "kenneth": ["ken", "kenny"],
            "ronald": ["ron", "ronnie"],
            "donald": ["don", "donnie"],
            "douglas": ["doug"],
            "raymond": ["ray"],
            "walter": ["walt"],
            "zachary": ["zach", "zack"],
        ]
        var formal: [String: String] = [:]
        for (name, variants) in groups {
            formal[name] = name
            for variant in variants where formal[variant] == nil { formal[variant] = name }
        }
        return formal
    }()

    /// The formal name of a folded given name, or the name itself.
    static func canonical(_ givenName: String) -> String {
        formal[givenName] ?? givenName
    }
}
