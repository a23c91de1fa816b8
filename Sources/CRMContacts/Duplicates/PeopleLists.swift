/// Name and place lists for ``SyntheticPeople``: common English-language given and family names, and
/// British street names and towns with postcode areas.
enum PeopleLists {
    static let givenNames = [
        "William", "Robert", "Richard", "James", "John", "Margaret", "Elizabeth", "Katherine", "Michael", "Thomas",
        "Joseph", "Charles", "Edward", "Alexander", "Alexandra", "Daniel", "David", "Christopher", "Christine",
        "Jennifer", "Patricia", "Susan", "Anthony", "Andrew", "Benjamin", "Samuel", "Samantha", "Nicholas",
        "Matthew", "Jonathan", "Stephen", "Peter", "Timothy", "Gregory", "Jessica", "Rebecca", "Victoria",
        "Deborah", "Barbara", "Frederick", "Henry", "Lawrence", "Leonard", "Theodore", "Abigail", "Dorothy",
        "Eleanor", "Gabriel", "Isabella", "Kenneth", "Ronald", "Donald", "Douglas", "Raymond", "Walter", "Zachary",
        "Olivia", "Amelia", "Sophie", "Charlotte", "Emily", "Grace", "Chloe", "Lucy", "Hannah", "Ella", "Mia",
        "Ava", "Ruby", "Freya", "Poppy", "Evie", "Isla", "Harper", "Florence", "Rosie", "Oscar", "George", "Noah",
        "Arthur", "Leo", "Oliver", "Jacob", "Ethan", "Lucas", "Mason", "Logan", "Finley", "Archie", "Harrison",
        "Joshua", "Dylan", "Riley", "Aaron", "Adrian", "Ahmed", "Aisha", "Amir", "Anika", "Arjun", "Chen", "Darius",
        "Fatima", "Hiro", "Ines", "Kofi", "Lars", "Mateo", "Nadia", "Omar", "Priya", "Ravi", "Sven", "Yusuf", "Zara",
    ]

    static let familyNames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel",
        "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Rodriguez", "Cox", "Alexander",
        "Morgan", "Moore", "Hughes", "Edwards", "Hill", "Turner", "Cooper", "Ward", "Morris", "King", "Harris",
        "Baker", "Lee", "Martin", "Clark", "Allen", "Young", "Scott", "Adams", "Campbell", "Anderson", "Stewart",
        "Murray", "Kelly", "Reid", "Carter", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Russell", "Harrison",
        "Lovelace", "Hopper", "Turing", "Hamilton", "Liskov", "Knuth", "Ritchie", "Babbage", "Noether", "Curie",
        "Franklin", "Goodall", "Sagan", "Feynman", "Dijkstra", "Lamport", "Berners", "Cerf", "Kahn", "Torvalds",
        "Okafor", "Nakamura", "Schmidt", "Novak", "Kowalski", "Rossi", "Silva", "Santos", "Nguyen", "Kim", "Singh",
        "Ahmed", "Ali", "Hassan", "Ibrahim", "Mensah", "Osei", "Larsen", "Nielsen", "Jensen", "Dubois", "Moreau",
        "Fischer", "Weber", "Becker", "Hoffmann", "Kaur", "Gupta", "Sharma", "Chowdhury", "Begum", "Hussain",
        "Fernandes", "Pereira", "Costa", "Oliveira", "Ivanova", "Petrov", "Horvat", "Popescu", "Yilmaz", "Demir",
        "Lindqvist", "Eriksson", "Virtanen", "Korhonen", "Byrne", "Walsh", "O'Brien", "McCarthy", "MacDonald",
        "Fraser", "Gallagher", "Doherty", "Kennedy", "Lynch", "Quinn", "Ryan", "Sullivan", "Whelan", "Duffy",
    ]

    static let mailDomains = ["example.com", "mail.example", "post.example", "inbox.example", "home.example"]

    static let streets = [
        "High Street", "Station Road", "Church Lane", "Mill Road", "Park Avenue", "Victoria Street", "Green Lane",
        "Manor Road", "Queens Road", "Kings Street", "New Street", "School Lane", "London Road", "Albert Road",
        "North Street", "South Street", "West Street", "East Road", "Bridge Street", "Chapel Lane", "Springfield Road",
        "Windsor Avenue", "Grove Road", "Highfield Road", "The Avenue", "Mill Lane", "Main Street", "York Road",
    ]

    static let localities: [(String, String)] = [
        ("London", "SW"), ("Manchester", "M"), ("Birmingham", "B"), ("Leeds", "LS"), ("Glasgow", "G"),
        ("Bristol", "BS"), ("Liverpool", "L"), ("Sheffield", "S"), ("Edinburgh", "EH"), ("Cardiff", "CF"),
        ("Leicester", "LE"), ("Nottingham", "NG"), ("Newcastle", "NE"), ("Belfast", "BT"), ("Brighton", "BN"),
        ("Oxford", "OX"), ("Cambridge", "CB"), ("York", "YO"), ("Bath", "BA"), ("Exeter", "EX"),
    ]
}
