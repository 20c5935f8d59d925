// Name lists for the seeded persons. Several cultures and diacritics on purpose: search must
// treat "Lopez" and "López" alike, and the UI must cope with long and unusual names.
// "Lovelace" is deliberately absent so the fixture "Ada Lovelace" stays unique.

// biome-ignore format: one culture per line reads better than one name per line
export const FIRST_NAMES: readonly string[] = [
  // English
  'James', 'Olivia', 'Emma', 'Liam', 'Noah', 'Charlotte', 'Amelia', 'Oliver', 'Harry', 'Grace',
  'Jack', 'Sophie', 'Thomas', 'Emily', 'Daniel', 'Hannah', 'Samuel', 'Ethan', 'Isla', 'Ada',
  // Spanish and Latin American
  'Sofía', 'Mateo', 'Lucía', 'Santiago', 'Valentina', 'Diego', 'Camila', 'Javier', 'Carmen', 'Alejandro',
  'Isabel', 'Pablo',
  // German
  'Lukas', 'Anna', 'Felix', 'Lea', 'Jonas', 'Katharina', 'Maximilian', 'Johanna', 'Tobias', 'Greta',
  // French
  'Chloé', 'Louis', 'Camille', 'Hugo', 'Manon', 'Théo', 'Élodie', 'Antoine', 'Margaux',
  // Italian
  'Giulia', 'Lorenzo', 'Francesca', 'Marco', 'Chiara', 'Matteo', 'Alessandro', 'Giorgia',
  // Nordic
  'Søren', 'Astrid', 'Björn', 'Ingrid', 'Freja', 'Magnus', 'Sigrid', 'Emil',
  // Central and Eastern European
  'Katarzyna', 'Piotr', 'Agnieszka', 'Tomasz', 'Zofia', 'Marek', 'Ivana', 'Dmitri',
  // Dutch
  'Daan', 'Sanne', 'Bram', 'Fleur', 'Joost',
  // Portuguese and Brazilian
  'João', 'Beatriz', 'Rafael', 'Mariana', 'Gabriel', 'Inês',
  // Japanese, Chinese, Korean
  'Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Kenji', 'Yuki', 'Wei', 'Mei', 'Jun', 'Xin', 'Hao',
  'Ling', 'Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun',
  // Indian
  'Aarav', 'Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Neha', 'Ishaan', 'Diya',
  // West, East and Southern African
  'Chinedu', 'Ngozi', 'Oluwaseun', 'Amara', 'Kwame', 'Adaeze', 'Tendai', 'Zanele',
  // Arabic and Turkish
  'Omar', 'Layla', 'Yusuf', 'Aisha', 'Karim', 'Leila', 'Emre', 'Elif', 'Mehmet', 'Zeynep',
  // Vietnamese and Estonian
  'Minh', 'Linh', 'Quang', 'Thu', 'Kadri', 'Mart', 'Triin', 'Rasmus',
];

// biome-ignore format: one culture per line reads better than one name per line
export const LAST_NAMES: readonly string[] = [
  // English and Irish
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Walker', 'Wright', 'Thompson',
  'Hughes', 'Clarke', 'Robinson', 'Hall', 'Green', 'Baker', 'Carter', 'Mitchell', 'Turner', 'Parker',
  "O'Brien", "O'Connor", 'McCarthy', 'Murphy',
  // Spanish
  'García', 'Martínez', 'Rodríguez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez',
  'Torres', 'Flores', 'Navarro', 'Romero', 'Castillo',
  // German
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz',
  'Koch', 'Richter', 'Wolf',
  // French
  'Martin', 'Bernard', 'Dubois', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Laurent',
  'Lefèvre', 'Fontaine',
  // Italian
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Conti',
  // Nordic and Finnish
  'Andersen', 'Nielsen', 'Hansen', 'Johansson', 'Larsson', 'Lindqvist', 'Berg', 'Haugen', 'Virtanen', 'Korhonen',
  // Central and Eastern European
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Lewandowski', 'Novák', 'Horváth', 'Dvořák',
  // Dutch
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit',
  // Portuguese and Brazilian
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Ferreira', 'Almeida',
  // Japanese, Chinese, Korean
  'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi',
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Kim', 'Lee', 'Park', 'Choi', 'Jung',
  // Indian
  'Sharma', 'Patel', 'Singh', 'Gupta', 'Iyer', 'Reddy', 'Nair', 'Mehta', 'Desai', 'Kapoor',
  // African
  'Okafor', 'Adeyemi', 'Eze', 'Okonkwo', 'Mensah', 'Nkosi', 'Mwangi', 'Abubakar',
  // Arabic and Turkish
  'Haddad', 'Mansour', 'Khalil', 'Nasser', 'Yılmaz', 'Kaya', 'Demir', 'Şahin',
  // Vietnamese and Estonian
  'Nguyen', 'Tran', 'Pham', 'Le', 'Tamm', 'Saar', 'Sepp', 'Kask',
];
